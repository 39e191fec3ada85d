package vn.gandan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The English and Vietnamese bundles say the same things, with the same arguments, in proper UTF-8. */
class MessageBundlesUnitTests {

    private static final java.util.regex.Pattern ARGUMENT = java.util.regex.Pattern.compile("\\{(\\d+)}");
    private static final java.util.regex.Pattern VIETNAMESE_LETTERS =
            java.util.regex.Pattern.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]");

    @Test
    void everyProblemTextHasAVietnameseTranslationWithTheSameArguments() {
        Map<String, String> english = load(ProblemMessages.BUNDLE + ".properties");
        Map<String, String> vietnamese = load(ProblemMessages.BUNDLE + "_vi.properties");

        assertThat(vietnamese.keySet()).containsAll(english.keySet());
        // Only Spring's own exceptions are Vietnamese alone: their English is Spring's.
        assertThat(vietnamese.keySet().stream().filter(k -> !english.containsKey(k)))
                .allMatch(k -> k.startsWith("problemDetail.org.springframework."));
        english.forEach((key, text) ->
                assertThat(arguments(vietnamese.get(key))).as(key).isEqualTo(arguments(text)));
        vietnamese.forEach((key, text) -> {
            assertThat(text).as(key).isNotBlank();
            assertThat(VIETNAMESE_LETTERS.matcher(text.toLowerCase()).find())
                    .as("%s is written with Vietnamese letters: %s", key, text)
                    .isTrue();
        });
    }

    @Test
    void apostrophesInMessagesWithArgumentsAreDoubled() {
        for (String bundle : new String[] {".properties", "_vi.properties"}) {
            load(ProblemMessages.BUNDLE + bundle).forEach((key, text) -> {
                if (ARGUMENT.matcher(text).find()) {
                    assertThat(text.replace("''", "")).as(key).doesNotContain("'");
                }
            });
        }
    }

    @Test
    void everyStandardConstraintHasAVietnameseMessageWithTheSameAttributes() {
        Map<String, String> hibernate = load("org/hibernate/validator/ValidationMessages.properties");
        Map<String, String> vietnamese = load("ContributorValidationMessages_vi.properties");

        Set<String> standard = hibernate.keySet().stream()
                .filter(k -> k.startsWith("jakarta.validation.constraints."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(standard).hasSize(22);
        assertThat(vietnamese.keySet()).containsAll(standard);
        assertThat(hibernate.keySet()).containsAll(vietnamese.keySet());
        vietnamese.forEach((key, text) -> {
            assertThat(attributes(text)).as(key).isEqualTo(attributes(hibernate.get(key)));
            assertThat(VIETNAMESE_LETTERS.matcher(text).find()).as(key).isTrue();
        });
        // The English bundle is there only to stop the fall-back to the server's locale: it must stay empty.
        assertThat(load("ContributorValidationMessages_en.properties")).isEmpty();
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> attributes(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = MessageBundlesUnitTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new TreeMap<>();
            properties.forEach((k, v) -> texts.put(k.toString(), v.toString()));
            return texts;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
