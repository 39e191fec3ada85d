package vn.gandan.intake.normalization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;
import vn.gandan.adminunits.LegacyCommune;
import vn.gandan.adminunits.LegacyCommunes;
import vn.gandan.adminunits.LegacySplit;
import vn.gandan.adminunits.Province;
import vn.gandan.intake.normalization.AddressText.Anchor;
import vn.gandan.intake.normalization.AddressText.Kind;
import vn.gandan.intake.normalization.AddressText.Level;
import vn.gandan.intake.normalization.AddressText.Word;
import vn.gandan.intake.normalization.Resolution.Method;
import vn.gandan.intake.normalization.Resolution.Outcome;

/**
 * Finds the commune (since 1 July 2025) a petition is about, from an official code or from the
 * address as a citizen wrote it, new-style ("Phường Ba Đình, Hà Nội") or old-style ("xã Long Thành,
 * huyện Yên Thành, Nghệ An", now Xã Hợp Minh).
 *
 * <p>How free text is read:
 *
 * <ul>
 *   <li>Case, diacritics, spacing, the order of comma-separated parts, unit keywords and their
 *       abbreviations ("xã", "phường", "P.", "thị trấn", "TT", "đặc khu", "huyện", "quận", "Q.",
 *       "H.", "thị xã", "TX", "thành phố", "TP", "tỉnh") do not matter. When the address is written
 *       with diacritics (any word has one), they decide between names that differ only by them
 *       ("Văn Lang" / "Văn Lăng", "Nga Thanh" / "Nga Thành"); without any, such names are ambiguous.
 *   <li>What follows a housing keyword is ignored: "số 12 đường Lê Lợi", "thôn 3", "xóm 5", "khối
 *       2", "tổ 7", "ấp", "bản", "khu phố"...
 *   <li>The province is the one the address names (by its new or old name, or "TP.HCM", "Sài Gòn"),
 *       otherwise the portal's. When the address names no province, only communes of the portal's
 *       province are considered. A commune found in another province that the address names is
 *       returned as {@link Outcome#OTHER_PROVINCE}.
 *   <li>A name after a commune keyword is trusted more than a part without a keyword; names after
 *       district keywords ("huyện Yên Thành") are never taken for communes, although many new
 *       communes carry old district names.
 *   <li>Names are looked up among the new communes and among the old ones (through {@link
 *       LegacyCommunes}); old names win when the address is written the old way (it names a district,
 *       a "thị trấn", or a province that no longer exists), new names win otherwise.
 *   <li>Several names that agree narrow each other ("Phường Ngọc Hà (phường Cống Vị cũ)"); names
 *       that disagree, an old commune split between new ones, or a name shared by several communes
 *       give {@link Outcome#AMBIGUOUS} with the candidates: the resolver never picks one.
 * </ul>
 *
 * <p>Old districts are not in the split data, so they cannot decide between old communes of the same
 * name in one old province; the result is then ambiguous.
 *
 * <p>The indexes (by province, by name without diacritics and without the kind prefix) are built once
 * in the constructor; a resolution is a few dozen hash look-ups. Immutable and thread-safe.
 */
public final class AddressResolver {

    private static final double TRUSTED_CURRENT = 0.95;
    private static final double TRUSTED_LEGACY = 0.9;
    private static final double BARE_CURRENT = 0.85;
    private static final double BARE_LEGACY = 0.8;

    private static final Map<String, String> PROVINCE_ALIASES = Map.of(
            "hcm", "ho chi minh",
            "tphcm", "ho chi minh",
            "hcmc", "ho chi minh",
            "sai gon", "ho chi minh",
            "saigon", "ho chi minh",
            "hn", "ha noi",
            "thua thien hue", "hue",
            "brvt", "ba ria vung tau");

    private static volatile AddressResolver official;

    private record CurrentEntry(Commune commune, String toneless, Kind kind) {}

    private record LegacyEntry(String toneless, Kind kind, List<String> newCodes) {}

    /**
     * A province name as it may appear in an address.
     *
     * @param newCodes the new provinces to look for current names in
     * @param oldCodes the old provinces of that name, to look for old names in first
     * @param widerOldCodes the old provinces now in {@code newCodes}, to look for old names in when
     *     {@code oldCodes} have none ("Tuyên Quang" now includes old Hà Giang)
     * @param oldOnly whether the name is only an old province's (such as "Quảng Bình")
     */
    private record ProvinceRef(
            Set<String> newCodes, Set<String> oldCodes, Set<String> widerOldCodes, boolean oldOnly) {}

    /** A province named in the address, and the word where its mention (keyword included) starts. */
    private record Mention(int part, int from, ProvinceRef province) {}

    /** The communes one name fits, and whether they came from current names. */
    private record Match(Set<String> codes, boolean current) {}

    private final AdminUnits units;
    private final Map<String, Map<String, List<CurrentEntry>>> currentByProvince;
    private final Map<String, Map<String, List<LegacyEntry>>> legacyByOldProvince;
    private final Map<String, Set<String>> oldProvincesOfNew;
    private final Map<String, ProvinceRef> provincesByKey;
    private final int maxNameWords;
    private final int maxProvinceWords;

    /**
     * Builds the indexes (a few hundred milliseconds; share the instance).
     *
     * @param units the current units; must not be null
     * @param legacy the old communes and where they went; must not be null
     */
    public AddressResolver(AdminUnits units, LegacyCommunes legacy) {
        this.units = Objects.requireNonNull(units, "units");
        Objects.requireNonNull(legacy, "legacy");
        Map<String, Map<String, List<CurrentEntry>>> current = new HashMap<>();
        int maxWords = 0;
        for (Province province : units.provinces()) {
            Map<String, List<CurrentEntry>> byName = new HashMap<>();
            for (Commune commune : units.communesOf(province.code())) {
                String bare = commune.name().substring(commune.kind().prefix().length() + 1);
                List<Word> words = AddressText.words(TextNormalizer.title(bare));
                CurrentEntry entry =
                        new CurrentEntry(commune, AddressText.toneless(words, 0, words.size()), kindOf(commune));
                byName.computeIfAbsent(AddressText.folded(words, 0, words.size()), k -> new ArrayList<>(1))
                        .add(entry);
                maxWords = Math.max(maxWords, words.size());
            }
            current.put(province.code(), freeze(byName));
        }
        this.currentByProvince = Map.copyOf(current);

        Map<String, List<LegacyCommune>> oldProvinces = new HashMap<>();
        Map<String, Set<String>> newOfOld = new HashMap<>();
        Map<String, Set<String>> oldOfNew = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            String code = String.format("%02d", i);
            List<LegacyCommune> communes = legacy.inProvince(code);
            if (communes.isEmpty()) {
                continue;
            }
            oldProvinces.put(code, communes);
            for (LegacyCommune commune : communes) {
                for (String newCode : commune.newCommuneCodes()) {
                    units.commune(newCode).ifPresent(c -> {
                        newOfOld.computeIfAbsent(code, k -> new TreeSet<>()).add(c.provinceCode());
                        oldOfNew.computeIfAbsent(c.provinceCode(), k -> new TreeSet<>())
                                .add(code);
                    });
                }
            }
        }
        Map<String, Map<String, List<LegacyEntry>>> legacyIndex = new HashMap<>();
        oldProvinces.forEach((code, communes) -> {
            Map<String, List<LegacyEntry>> byName = new HashMap<>();
            for (LegacyCommune commune : communes) {
                Kind kind = legacyKind(commune.oldName());
                String bare =
                        kind == null ? commune.oldName() : commune.oldName().substring(prefixLength(kind));
                List<Word> words = AddressText.words(TextNormalizer.title(bare));
                List<String> newCodes = newCodes(legacy, commune, newOfOld.getOrDefault(code, Set.of()));
                if (newCodes.isEmpty()) {
                    continue;
                }
                byName.computeIfAbsent(AddressText.folded(words, 0, words.size()), k -> new ArrayList<>(1))
                        .add(new LegacyEntry(AddressText.toneless(words, 0, words.size()), kind, newCodes));
            }
            legacyIndex.put(code, freeze(byName));
        });
        this.legacyByOldProvince = Map.copyOf(legacyIndex);
        this.oldProvincesOfNew = Map.copyOf(oldOfNew);
        this.maxNameWords = maxWords;

        Map<String, String> newByKey = new HashMap<>();
        for (Province province : units.provinces()) {
            newByKey.put(provinceKey(province.name()), province.code());
        }
        Map<String, Set<String>> oldByKey = new HashMap<>();
        oldProvinces.forEach((code, communes) -> oldByKey.computeIfAbsent(
                        provinceKey(communes.get(0).oldProvinceName()), k -> new TreeSet<>())
                .add(code));
        Map<String, ProvinceRef> provinces = new HashMap<>();
        Set<String> keys = new TreeSet<>(newByKey.keySet());
        keys.addAll(oldByKey.keySet());
        int maxProvince = 0;
        for (String key : keys) {
            String newCode = newByKey.get(key);
            Set<String> oldCodes = new TreeSet<>(oldByKey.getOrDefault(key, Set.of()));
            Set<String> newCodes = new TreeSet<>();
            Set<String> widerOldCodes = new TreeSet<>(oldCodes);
            if (newCode != null) {
                newCodes.add(newCode);
                widerOldCodes.addAll(oldOfNew.getOrDefault(newCode, Set.of()));
            } else {
                oldCodes.forEach(old -> newCodes.addAll(newOfOld.getOrDefault(old, Set.of())));
            }
            provinces.put(
                    key,
                    new ProvinceRef(
                            Set.copyOf(newCodes), Set.copyOf(oldCodes), Set.copyOf(widerOldCodes), newCode == null));
            maxProvince = Math.max(maxProvince, key.split(" ").length);
        }
        PROVINCE_ALIASES.forEach((alias, key) -> {
            ProvinceRef ref = provinces.get(key);
            if (ref != null) {
                provinces.put(alias, ref);
            }
        });
        this.provincesByKey = Map.copyOf(provinces);
        this.maxProvinceWords = maxProvince;
    }

    /**
     * The resolver over the bundled official data, built on first use and then shared.
     *
     * @return the shared instance; never null
     */
    public static AddressResolver official() {
        AddressResolver resolver = official;
        if (resolver == null) {
            synchronized (AddressResolver.class) {
                resolver = official;
                if (resolver == null) {
                    resolver = new AddressResolver(AdminUnits.official(), LegacyCommunes.official());
                    official = resolver;
                }
            }
        }
        return resolver;
    }

    /**
     * Resolves a petition's location. A commune code, when given, decides alone and the address is
     * only kept; otherwise the address is read.
     *
     * @param communeCode a new five-digit commune code, matched exactly; may be null
     * @param address the address as written; may be null or blank
     * @param portalProvinceCode the two-digit code of the submitting portal's province; must be a known
     *     province
     * @return the resolution; never null. With a code: {@link Outcome#RESOLVED}, {@link
     *     Outcome#OTHER_PROVINCE} or {@link Outcome#UNKNOWN_CODE}. With an address only: any outcome but
     *     {@link Outcome#UNKNOWN_CODE}. With neither: {@link Outcome#UNRESOLVED}.
     * @throws IllegalArgumentException if the portal's province is unknown
     */
    public Resolution resolve(String communeCode, String address, String portalProvinceCode) {
        Objects.requireNonNull(portalProvinceCode, "portalProvinceCode");
        if (units.province(portalProvinceCode).isEmpty()) {
            throw new IllegalArgumentException("unknown province code " + portalProvinceCode);
        }
        if (communeCode != null) {
            return byCode(communeCode, address, portalProvinceCode);
        }
        if (address == null || address.isBlank()) {
            return unresolved(address, portalProvinceCode);
        }
        AddressText text = AddressText.parse(address);
        List<Mention> strong = new ArrayList<>();
        boolean[] cityIsDistrict = new boolean[1];
        findStrongMentions(text, strong, cityIsDistrict);
        List<Mention> mentions = strong.isEmpty() ? findWeakMentions(text) : strong;
        boolean oldStyle = text.oldStyle || cityIsDistrict[0];
        Resolution resolution = resolve(text, mentions, oldStyle, address, portalProvinceCode);
        if (resolution.outcome() == Outcome.UNRESOLVED && !mentions.isEmpty() && strong.isEmpty()) {
            // "xã Tân Hòa Bình": the end of a part looked like a province but was part of a name
            resolution = resolve(text, List.of(), oldStyle, address, portalProvinceCode);
        }
        return resolution;
    }

    private Resolution byCode(String communeCode, String address, String portal) {
        return units.commune(communeCode)
                .map(commune -> new Resolution(
                        commune.provinceCode().equals(portal) ? Outcome.RESOLVED : Outcome.OTHER_PROVINCE,
                        commune.provinceCode(),
                        commune.code(),
                        List.of(commune.code()),
                        1.0,
                        Method.CODE,
                        address,
                        null))
                .orElseGet(() ->
                        new Resolution(Outcome.UNKNOWN_CODE, portal, null, List.of(), 0.0, Method.CODE, address, null));
    }

    private static Resolution unresolved(String address, String portal) {
        return new Resolution(
                Outcome.UNRESOLVED, portal, null, List.of(), 0.0, Method.NONE, address, Resolution.ADDRESS_UNRESOLVED);
    }

    private Resolution resolve(
            AddressText text, List<Mention> mentions, boolean oldStyle, String address, String portal) {
        Set<String> newScope = new TreeSet<>();
        Set<String> oldScope = new TreeSet<>();
        Set<String> widerOldScope = new TreeSet<>();
        boolean onlyPortal = mentions.isEmpty();
        if (onlyPortal) {
            newScope.add(portal);
            widerOldScope.addAll(oldProvincesOfNew.getOrDefault(portal, Set.of()));
        }
        int[] limits = new int[text.parts.size()];
        for (int p = 0; p < limits.length; p++) {
            limits[p] = text.parts.get(p).size();
        }
        for (Mention mention : mentions) {
            newScope.addAll(mention.province().newCodes());
            oldScope.addAll(mention.province().oldCodes());
            widerOldScope.addAll(mention.province().widerOldCodes());
            oldStyle |= mention.province().oldOnly();
            limits[mention.part()] = Math.min(limits[mention.part()], mention.from());
        }
        for (Level tier : List.of(Level.COMMUNE, Level.START)) {
            List<Match> matches = new ArrayList<>();
            for (Anchor anchor : text.anchors) {
                if (anchor.level() != tier) {
                    continue;
                }
                Match match = match(text, anchor, limits[anchor.part()], newScope, oldScope, widerOldScope, oldStyle);
                if (match != null && onlyPortal) {
                    match.codes().removeIf(code -> !provinceOf(code).equals(portal));
                }
                if (match != null && !match.codes().isEmpty()) {
                    matches.add(match);
                }
            }
            if (!matches.isEmpty()) {
                return combine(matches, tier == Level.COMMUNE, address, portal);
            }
        }
        return unresolved(address, portal);
    }

    /** The communes the longest name starting at the anchor fits, or null if none fits. */
    private Match match(
            AddressText text,
            Anchor anchor,
            int limit,
            Set<String> newScope,
            Set<String> oldScope,
            Set<String> widerOldScope,
            boolean oldStyle) {
        List<Word> words = text.parts.get(anchor.part());
        for (int end = Math.min(limit, anchor.start() + maxNameWords); end > anchor.start(); end--) {
            String key = AddressText.folded(words, anchor.start(), end);
            String toneless = text.accented ? AddressText.toneless(words, anchor.start(), end) : null;
            List<CurrentEntry> current = new ArrayList<>();
            for (String province : newScope) {
                current.addAll(currentByProvince.get(province).getOrDefault(key, List.of()));
            }
            List<LegacyEntry> legacy = legacy(key, oldScope);
            if (legacy.isEmpty()) {
                legacy = legacy(key, widerOldScope);
            }
            if (current.isEmpty() && legacy.isEmpty()) {
                continue;
            }
            current = narrow(current, anchor.kind(), toneless, CurrentEntry::kind, CurrentEntry::toneless);
            legacy = narrow(legacy, anchor.kind(), toneless, LegacyEntry::kind, LegacyEntry::toneless);
            Set<String> currentCodes = new TreeSet<>();
            current.forEach(entry -> currentCodes.add(entry.commune().code()));
            Set<String> legacyCodes = new TreeSet<>();
            legacy.forEach(entry -> legacyCodes.addAll(entry.newCodes()));
            boolean useCurrent = oldStyle ? legacyCodes.isEmpty() : !currentCodes.isEmpty();
            return new Match(useCurrent ? currentCodes : legacyCodes, useCurrent);
        }
        return null;
    }

    private List<LegacyEntry> legacy(String key, Set<String> oldProvinces) {
        List<LegacyEntry> entries = new ArrayList<>();
        for (String oldProvince : oldProvinces) {
            entries.addAll(legacyByOldProvince.get(oldProvince).getOrDefault(key, List.of()));
        }
        return entries;
    }

    /** Keeps the entries of the kind named and with the diacritics written, when any are left. */
    private static <T> List<T> narrow(
            List<T> entries, Kind kind, String toneless, Function<T, Kind> kindOf, Function<T, String> tonelessOf) {
        List<T> narrowed = entries;
        if (toneless != null && narrowed.size() > 1) {
            List<T> same = narrowed.stream()
                    .filter(e -> tonelessOf.apply(e).equals(toneless))
                    .toList();
            narrowed = same.isEmpty() ? narrowed : same;
        }
        if (kind != null && narrowed.size() > 1) {
            List<T> same =
                    narrowed.stream().filter(e -> kindOf.apply(e) == kind).toList();
            narrowed = same.isEmpty() ? narrowed : same;
        }
        return narrowed;
    }

    /** Names that agree narrow each other; names that disagree make the result ambiguous. */
    private Resolution combine(List<Match> matches, boolean trusted, String address, String portal) {
        Set<String> common = new TreeSet<>(matches.get(0).codes());
        for (Match match : matches) {
            common.retainAll(match.codes());
        }
        Set<String> codes = common;
        if (codes.isEmpty()) {
            codes = new TreeSet<>();
            for (Match match : matches) {
                codes.addAll(match.codes());
            }
        }
        boolean current = false;
        for (Match match : matches) {
            if (match.current() && !Collections.disjoint(match.codes(), codes)) {
                current = true;
            }
        }
        double base = current ? (trusted ? TRUSTED_CURRENT : BARE_CURRENT) : (trusted ? TRUSTED_LEGACY : BARE_LEGACY);
        Method method = current ? Method.CURRENT_NAME : Method.LEGACY_NAME;
        Set<String> provinces = new LinkedHashSet<>();
        codes.forEach(code -> provinces.add(provinceOf(code)));
        String province = provinces.size() == 1 ? provinces.iterator().next() : portal;
        boolean elsewhere = !province.equals(portal);
        List<String> candidates = List.copyOf(codes);
        if (codes.size() == 1) {
            return new Resolution(
                    elsewhere ? Outcome.OTHER_PROVINCE : Outcome.RESOLVED,
                    province,
                    candidates.get(0),
                    candidates,
                    base,
                    method,
                    address,
                    null);
        }
        return new Resolution(
                elsewhere ? Outcome.OTHER_PROVINCE : Outcome.AMBIGUOUS,
                province,
                null,
                candidates,
                base / codes.size(),
                method,
                address,
                elsewhere ? null : Resolution.ADDRESS_AMBIGUOUS);
    }

    private void findStrongMentions(AddressText text, List<Mention> mentions, boolean[] cityIsDistrict) {
        for (Anchor anchor : text.anchors) {
            List<Word> words = text.parts.get(anchor.part());
            if (anchor.level() == Level.PROVINCE || anchor.level() == Level.CITY) {
                ProvinceRef found = null;
                for (int end = Math.min(words.size(), anchor.start() + maxProvinceWords);
                        end > anchor.start() && found == null;
                        end--) {
                    found = provincesByKey.get(AddressText.folded(words, anchor.start(), end));
                }
                if (found != null) {
                    mentions.add(new Mention(anchor.part(), anchor.keywordAt(), found));
                } else if (anchor.level() == Level.CITY) {
                    // "thành phố Vinh": a district-level city, gone since the reform
                    cityIsDistrict[0] = true;
                }
            } else if (anchor.level() == Level.START) {
                ProvinceRef found = provincesByKey.get(AddressText.folded(words, 0, words.size()));
                if (found != null) {
                    mentions.add(new Mention(anchor.part(), 0, found));
                }
            }
        }
    }

    /** Provinces named without a keyword at the end of a part: "Phường Ba Đình Hà Nội". */
    private List<Mention> findWeakMentions(AddressText text) {
        List<Mention> mentions = new ArrayList<>();
        for (int p = 0; p < text.parts.size(); p++) {
            List<Word> words = text.parts.get(p);
            Set<Integer> anchored = new HashSet<>();
            for (Anchor anchor : text.anchors) {
                if (anchor.part() == p) {
                    anchored.add(anchor.start());
                }
            }
            for (int from = Math.max(1, words.size() - maxProvinceWords); from < words.size(); from++) {
                ProvinceRef found = anchored.contains(from)
                        ? null
                        : provincesByKey.get(AddressText.folded(words, from, words.size()));
                if (found != null) {
                    mentions.add(new Mention(p, from, found));
                    break;
                }
            }
        }
        return mentions;
    }

    private String provinceOf(String communeCode) {
        return units.commune(communeCode).map(Commune::provinceCode).orElse("");
    }

    /**
     * The new communes an old one went into. Codes the current data does not know (a few in the
     * split data) are looked up by the new name within the new provinces the old province went into,
     * and dropped if that finds no single commune.
     */
    private List<String> newCodes(LegacyCommunes legacy, LegacyCommune commune, Set<String> newProvinces) {
        List<String> codes = new ArrayList<>();
        for (LegacySplit split : legacy.byOldCode(commune.oldCode())) {
            if (units.commune(split.newCommuneCode()).isPresent()) {
                codes.add(split.newCommuneCode());
                continue;
            }
            List<Commune> byName = new ArrayList<>();
            for (String province : newProvinces) {
                for (Commune candidate : units.communesOf(province)) {
                    if (TextNormalizer.searchKey(candidate.name())
                            .equals(TextNormalizer.searchKey(split.newCommuneName()))) {
                        byName.add(candidate);
                    }
                }
            }
            if (byName.size() == 1) {
                codes.add(byName.get(0).code());
            }
        }
        return List.copyOf(new LinkedHashSet<>(codes));
    }

    private static String provinceKey(String name) {
        String key = TextNormalizer.searchKey(name);
        for (String prefix : List.of("tinh ", "thanh pho ")) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    private static Kind kindOf(Commune commune) {
        switch (commune.kind()) {
            case XA:
                return Kind.XA;
            case PHUONG:
                return Kind.PHUONG;
            default:
                return Kind.DAC_KHU;
        }
    }

    private static Kind legacyKind(String oldName) {
        for (Kind kind : List.of(Kind.XA, Kind.PHUONG, Kind.THI_TRAN)) {
            String prefix = prefix(kind);
            if (oldName.length() > prefix.length() && oldName.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return kind;
            }
        }
        return null;
    }

    private static int prefixLength(Kind kind) {
        return prefix(kind).length();
    }

    private static String prefix(Kind kind) {
        switch (kind) {
            case XA:
                return "Xã ";
            case PHUONG:
                return "Phường ";
            case THI_TRAN:
                return "Thị trấn ";
            default:
                return "Đặc khu ";
        }
    }

    private static <V> Map<String, List<V>> freeze(Map<String, List<V>> map) {
        Map<String, List<V>> frozen = new HashMap<>();
        map.forEach((key, list) -> frozen.put(key, List.copyOf(list)));
        return Map.copyOf(frozen);
    }
}
