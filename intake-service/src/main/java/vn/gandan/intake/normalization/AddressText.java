package vn.gandan.intake.normalization;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An address split into parts (at commas, semicolons, line breaks and brackets), each part into
 * words, with the places where a name may start ({@link Anchor}s): the start of a part, and the word
 * after each unit or housing keyword ("xã", "P.", "huyện", "TP", "tỉnh", "thôn", "số"...).
 *
 * <p>Unit names are also split into words here, so that an address and the names it is compared with
 * are cut the same way (hyphens and apostrophes separate words: "Văn Miếu - Quốc Tử Giám", "Ea
 * H'Leo").
 */
final class AddressText {

    /** What a keyword introduces. */
    enum Level {
        /** No keyword: the start of a part. */
        START,
        /** A commune: xã, phường, thị trấn, đặc khu. */
        COMMUNE,
        /** An old district: huyện, quận, thị xã (gone since 1 July 2025). */
        DISTRICT,
        /** A city: a province-level one (Hà Nội, Huế...) or an old district-level one (Vinh). */
        CITY,
        /** A province: tỉnh. */
        PROVINCE,
        /** Below a commune: house number, street, hamlet, group. */
        HOUSING
    }

    /** The kind a commune keyword names. */
    enum Kind {
        XA,
        PHUONG,
        THI_TRAN,
        DAC_KHU
    }

    /**
     * A word of an address or a name.
     *
     * @param lower the word lower-cased, in NFC
     * @param folded without diacritics, "đ" as "d"
     * @param toneless a key that keeps diacritics but not where the tone mark was put, so that "hoà"
     *     and "hòa" are equal and "lang" and "lăng" are not
     * @param next the character that followed the word, or 0 at the end of the part
     */
    record Word(String lower, String folded, String toneless, char next) {

        boolean unaccented() {
            return lower.equals(folded);
        }
    }

    /**
     * A place where a name may start.
     *
     * @param part the index of the part
     * @param start the index of the first word of the name
     * @param level what the keyword before it introduces, or {@link Level#START}
     * @param kind the commune kind the keyword names, or null
     * @param keywordAt the index of the keyword's first word ({@code start} for {@link Level#START})
     */
    record Anchor(int part, int start, Level level, Kind kind, int keywordAt) {}

    private record Keyword(String[] words, String[] folded, Level level, Kind kind, boolean abbreviation) {

        static Keyword of(String text, Level level, Kind kind) {
            String[] words = text.split(" ");
            String[] folded = new String[words.length];
            for (int i = 0; i < words.length; i++) {
                folded[i] = TextNormalizer.fold(words[i]);
            }
            return new Keyword(words, folded, level, kind, false);
        }

        static Keyword abbreviation(String text, Level level, Kind kind) {
            return new Keyword(new String[] {text}, new String[] {text}, level, kind, true);
        }
    }

    /** A keyword found at a word; certain when written with its diacritics or as an abbreviation. */
    private record Found(Keyword keyword, int length, boolean certain) {}

    private static final List<Keyword> KEYWORDS = List.of(
            Keyword.of("thị trấn", Level.COMMUNE, Kind.THI_TRAN),
            Keyword.of("đặc khu", Level.COMMUNE, Kind.DAC_KHU),
            Keyword.of("xã", Level.COMMUNE, Kind.XA),
            Keyword.of("phường", Level.COMMUNE, Kind.PHUONG),
            Keyword.abbreviation("p", Level.COMMUNE, Kind.PHUONG),
            Keyword.abbreviation("x", Level.COMMUNE, Kind.XA),
            Keyword.abbreviation("tt", Level.COMMUNE, Kind.THI_TRAN),
            Keyword.of("thị xã", Level.DISTRICT, null),
            Keyword.of("huyện", Level.DISTRICT, null),
            Keyword.of("quận", Level.DISTRICT, null),
            Keyword.abbreviation("q", Level.DISTRICT, null),
            Keyword.abbreviation("h", Level.DISTRICT, null),
            Keyword.abbreviation("tx", Level.DISTRICT, null),
            Keyword.of("thành phố", Level.CITY, null),
            Keyword.abbreviation("tp", Level.CITY, null),
            Keyword.of("tỉnh lộ", Level.HOUSING, null),
            Keyword.of("tỉnh", Level.PROVINCE, null),
            Keyword.of("số nhà", Level.HOUSING, null),
            Keyword.of("tổ dân phố", Level.HOUSING, null),
            Keyword.of("khu dân cư", Level.HOUSING, null),
            Keyword.of("khu phố", Level.HOUSING, null),
            Keyword.of("khu vực", Level.HOUSING, null),
            Keyword.of("quốc lộ", Level.HOUSING, null),
            Keyword.of("số", Level.HOUSING, null),
            Keyword.of("nhà", Level.HOUSING, null),
            Keyword.of("đường", Level.HOUSING, null),
            Keyword.of("phố", Level.HOUSING, null),
            Keyword.of("ngõ", Level.HOUSING, null),
            Keyword.of("ngách", Level.HOUSING, null),
            Keyword.of("hẻm", Level.HOUSING, null),
            Keyword.of("kiệt", Level.HOUSING, null),
            Keyword.of("thôn", Level.HOUSING, null),
            Keyword.of("xóm", Level.HOUSING, null),
            Keyword.of("ấp", Level.HOUSING, null),
            Keyword.of("khối", Level.HOUSING, null),
            Keyword.of("tổ", Level.HOUSING, null),
            Keyword.of("khu", Level.HOUSING, null),
            Keyword.of("bản", Level.HOUSING, null),
            Keyword.of("buôn", Level.HOUSING, null),
            Keyword.of("làng", Level.HOUSING, null),
            Keyword.of("khóm", Level.HOUSING, null),
            Keyword.of("cụm", Level.HOUSING, null),
            Keyword.of("lô", Level.HOUSING, null),
            Keyword.of("đội", Level.HOUSING, null),
            Keyword.abbreviation("kp", Level.HOUSING, null),
            Keyword.abbreviation("tdp", Level.HOUSING, null),
            Keyword.abbreviation("ql", Level.HOUSING, null),
            Keyword.abbreviation("km", Level.HOUSING, null));

    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    final List<List<Word>> parts;
    final List<Anchor> anchors;
    /** Whether a keyword shows the address was written before the reform (huyện, quận, thị trấn...). */
    final boolean oldStyle;
    /** Whether any word has diacritics: then a word without them was written so on purpose. */
    final boolean accented;

    private AddressText(List<List<Word>> parts, List<Anchor> anchors, boolean oldStyle) {
        this.parts = parts;
        this.anchors = anchors;
        this.oldStyle = oldStyle;
        this.accented = parts.stream().anyMatch(words -> accented(words, 0, words.size()));
    }

    /**
     * @param address must not be null
     * @return the parsed address; never null
     */
    static AddressText parse(String address) {
        String text = TextNormalizer.body(address);
        List<List<Word>> parts = new ArrayList<>();
        for (String part : text.split("[,;\\n()\\[\\]|]")) {
            List<Word> words = withoutCountry(words(part));
            if (!words.isEmpty()) {
                parts.add(words);
            }
        }
        List<Anchor> anchors = new ArrayList<>();
        boolean oldStyle = false;
        for (int p = 0; p < parts.size(); p++) {
            List<Word> words = parts.get(p);
            Found first = keywordAt(words, 0, false);
            if (first == null || !first.certain() || first.keyword().level() == Level.HOUSING) {
                anchors.add(new Anchor(p, 0, Level.START, null, 0));
            }
            boolean afterKeyword = false;
            for (int i = 0; i < words.size(); ) {
                Found found = keywordAt(words, i, afterKeyword);
                if (found == null) {
                    afterKeyword = false;
                    i++;
                    continue;
                }
                Keyword keyword = found.keyword();
                int start = i + found.length();
                if (start < words.size()) {
                    anchors.add(new Anchor(p, start, keyword.level(), keyword.kind(), i));
                }
                boolean trusted = found.certain() || i == 0;
                if (trusted && (keyword.level() == Level.DISTRICT || keyword.kind() == Kind.THI_TRAN)) {
                    oldStyle = true;
                }
                afterKeyword = true;
                i = start;
            }
        }
        return new AddressText(List.copyOf(parts), List.copyOf(anchors), oldStyle);
    }

    /**
     * Finds a keyword starting at a word. A keyword written without diacritics ("xa", "phuong") may be
     * part of a name ("Phương Liệt", "Xa Lý"), so right after another keyword it is taken as a name.
     */
    private static Found keywordAt(List<Word> words, int at, boolean afterKeyword) {
        Found best = null;
        for (Keyword keyword : KEYWORDS) {
            int length = keyword.words().length;
            if (at + length > words.size() || (best != null && best.length() >= length)) {
                continue;
            }
            boolean certain = true;
            boolean matches = true;
            for (int k = 0; k < length && matches; k++) {
                Word word = words.get(at + k);
                if (keyword.abbreviation()) {
                    // "H'Leo", "M'Drắk": a single letter before an apostrophe is part of a name
                    matches = word.lower().equals(keyword.words()[k])
                            && (word.lower().length() > 1
                                    || word.next() == '.'
                                    || word.next() == ' '
                                    || word.next() == 0);
                } else if (word.lower().equals(keyword.words()[k])) {
                    continue;
                } else {
                    matches = word.unaccented() && word.folded().equals(keyword.folded()[k]);
                    certain = false;
                }
            }
            if (matches && (certain || !afterKeyword)) {
                best = new Found(keyword, length, certain);
            }
        }
        return best;
    }

    private static List<Word> withoutCountry(List<Word> words) {
        int n = words.size();
        if (n >= 2
                && words.get(n - 2).folded().equals("viet")
                && words.get(n - 1).folded().equals("nam")) {
            return words.subList(0, n - 2);
        }
        if (n >= 1 && words.get(n - 1).folded().equals("vietnam")) {
            return words.subList(0, n - 1);
        }
        return words;
    }

    /**
     * @param text cleaned text (NFC, no control characters); must not be null
     * @return its words, split at every character that is not a letter, a digit or a combining mark;
     *     never null
     */
    static List<Word> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Word> words = new ArrayList<>();
        int begin = -1;
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : -1;
            boolean inWord = cp >= 0
                    && (Character.isLetterOrDigit(cp)
                            || Character.getType(cp) == Character.NON_SPACING_MARK
                            || Character.getType(cp) == Character.COMBINING_SPACING_MARK);
            if (inWord && begin < 0) {
                begin = i;
            } else if (!inWord && begin >= 0) {
                String word = lower.substring(begin, i);
                words.add(new Word(word, TextNormalizer.fold(word), toneless(word), cp < 0 ? 0 : (char) cp));
                begin = -1;
            }
            i += cp < 0 ? 1 : Character.charCount(cp);
        }
        return words;
    }

    /**
     * @return the folded words from {@code from} to {@code to} (exclusive), joined by spaces
     */
    static String folded(List<Word> words, int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                key.append(' ');
            }
            key.append(words.get(i).folded());
        }
        return key.toString();
    }

    /**
     * @return the toneless keys of the words from {@code from} to {@code to} (exclusive), joined by
     *     spaces
     */
    static String toneless(List<Word> words, int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                key.append(' ');
            }
            key.append(words.get(i).toneless());
        }
        return key.toString();
    }

    /**
     * @return whether any of the words from {@code from} to {@code to} (exclusive) has diacritics
     */
    static boolean accented(List<Word> words, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!words.get(i).unaccented()) {
                return true;
            }
        }
        return false;
    }

    /** Moves the tone marks of a word to its end: where a tone mark sits varies with the writer. */
    private static String toneless(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder letters = new StringBuilder(decomposed.length());
        StringBuilder tones = new StringBuilder(1);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            (TONE_MARKS.indexOf(c) >= 0 ? tones : letters).append(c);
        }
        return letters.append(tones).toString();
    }
}
