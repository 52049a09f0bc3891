package org.baraza;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message bundle speaks all six languages: a key missing, empty or with different arguments
 * in one language would show a raw key or a broken sentence to a resident.
 */
class I18nBundlesTest {

    /** The languages Baraza ships; English is the file without a suffix. */
    static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt", "sw", "ar");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    @TestFactory
    Stream<DynamicTest> everyBundleHasEveryKeyInEveryLanguage() throws IOException {
        return bundles().entrySet().stream().map(bundle -> DynamicTest.dynamicTest(bundle.getKey(), () -> {
            Map<String, Properties> languages = bundle.getValue();
            assertThat(languages.keySet()).as("languages of bundle %s", bundle.getKey())
                .containsExactlyInAnyOrderElementsOf(LANGUAGES);
            Set<String> allKeys = new TreeSet<>();
            languages.values().forEach(messages -> allKeys.addAll(messages.stringPropertyNames()));
            List<String> problems = new ArrayList<>();
            for (String key : allKeys) {
                for (String language : LANGUAGES) {
                    String message = languages.get(language).getProperty(key);
                    if (message == null) {
                        problems.add(language + ": missing " + key);
                    } else if (message.isBlank()) {
                        problems.add(language + ": empty " + key);
                    }
                }
            }
            assertThat(problems).as("bundle %s", bundle.getKey()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTranslationTakesTheSameArguments() throws IOException {
        return bundles().entrySet().stream().map(bundle -> DynamicTest.dynamicTest(bundle.getKey(), () -> {
            Properties english = bundle.getValue().get("en");
            List<String> problems = new ArrayList<>();
            for (String key : english.stringPropertyNames()) {
                Set<String> expected = placeholders(english.getProperty(key));
                for (Map.Entry<String, Properties> language : bundle.getValue().entrySet()) {
                    String message = language.getValue().getProperty(key);
                    if (message != null && !placeholders(message).equals(expected)) {
                        problems.add(language.getKey() + ": " + key + " has " + placeholders(message) + ", English has " + expected);
                    }
                }
            }
            assertThat(problems).as("bundle %s", bundle.getKey()).isEmpty();
        }));
    }

    /**
     * A message with arguments goes through {@link MessageFormat}, where a lone ASCII apostrophe starts
     * a quoted section: "l'{0}" would print "l{0}" verbatim. Such apostrophes must be doubled (or be ’).
     */
    @TestFactory
    Stream<DynamicTest> apostrophesInMessagesWithArgumentsAreDoubled() throws IOException {
        return bundles().entrySet().stream().map(bundle -> DynamicTest.dynamicTest(bundle.getKey(), () -> {
            List<String> problems = new ArrayList<>();
            bundle.getValue().forEach((language, messages) -> messages.stringPropertyNames().forEach(key -> {
                String message = messages.getProperty(key);
                if (!placeholders(message).isEmpty()) {
                    if (message.replace("''", "").contains("'")) {
                        problems.add(language + ": " + key + " has a single ' in a message with arguments");
                    } else {
                        Set<String> seen = formattedPlaceholders(message);
                        if (!seen.equals(placeholders(message))) {
                            problems.add(language + ": " + key + " is not a valid MessageFormat pattern");
                        }
                    }
                }
            }));
            assertThat(problems).as("bundle %s", bundle.getKey()).isEmpty();
        }));
    }

    @Test
    void everyBundleIsListedInTheMessageSource() throws IOException {
        Properties application = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            application.load(in);
        }
        Set<String> listed = new TreeSet<>(Arrays.asList(application.getProperty("spring.messages.basename").split("\\s*,\\s*")));
        Set<String> present = new TreeSet<>();
        bundles().keySet().forEach(name -> present.add("i18n/" + name));
        assertThat(listed).as("spring.messages.basename").containsExactlyInAnyOrderElementsOf(present);
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The argument indexes MessageFormat itself sees, by formatting with recognisable markers. */
    private static Set<String> formattedPlaceholders(String message) {
        MessageFormat format;
        try {
            format = new MessageFormat(message);
        } catch (IllegalArgumentException e) {
            return Set.of("unparseable");
        }
        int count = format.getFormatsByArgumentIndex().length;
        Object[] arguments = new Object[count];
        for (int i = 0; i < count; i++) {
            arguments[i] = "\u0000" + i + "\u0000";
        }
        String formatted;
        try {
            formatted = format.format(arguments);
        } catch (IllegalArgumentException e) {
            // a typed argument ({0,number}) refuses a string marker: it is there, trust the parser
            Set<String> indexes = new TreeSet<>();
            for (int i = 0; i < count; i++) {
                indexes.add(Integer.toString(i));
            }
            return indexes;
        }
        Set<String> seen = new TreeSet<>();
        Matcher matcher = Pattern.compile("\u0000(\\d+)\u0000").matcher(formatted);
        while (matcher.find()) {
            seen.add(matcher.group(1));
        }
        return seen;
    }

    /** bundle name → language → messages, read as strict UTF-8 (a broken byte fails the test). */
    static Map<String, Map<String, Properties>> bundles() throws IOException {
        Map<String, Map<String, Properties>> bundles = new TreeMap<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        Pattern name = Pattern.compile("([a-z0-9-]+?)(?:_([a-z]{2}))?\\.properties");
        for (Resource file : files) {
            Matcher matcher = name.matcher(file.getFilename());
            assertThat(matcher.matches()).as("bundle file name %s", file.getFilename()).isTrue();
            String language = matcher.group(2) == null ? "en" : matcher.group(2);
            Properties messages = new Properties();
            try (InputStream in = file.getInputStream()) {
                messages.load(new StringReader(strictUtf8(in.readAllBytes(), file.getFilename())));
            }
            bundles.computeIfAbsent(matcher.group(1), bundle -> new LinkedHashMap<>()).put(language, messages);
        }
        assertThat(bundles).as("message bundles under i18n/").isNotEmpty();
        return bundles;
    }

    private static String strictUtf8(byte[] bytes, String file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        }
    }
}
