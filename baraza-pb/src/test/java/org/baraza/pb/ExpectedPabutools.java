package org.baraza.pb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What pabutools 1.2.3 selects on each file of the data folder ({@code expected-pabutools.json}),
 * and the independent reference outcomes recorded beside it.
 */
final class ExpectedPabutools {

    private static ExpectedPabutools loaded;

    private final Map<String, Object> instances;

    private ExpectedPabutools(Map<String, Object> root) {
        this.instances = map(root.get("instances"));
    }

    static synchronized ExpectedPabutools load() {
        if (loaded == null) {
            try {
                String text = Files.readString(PabulibData.expectedPabutools(), StandardCharsets.UTF_8);
                loaded = new ExpectedPabutools(map(Json.parse(text)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    /** The entry of a rule key (e.g. {@code mes_cost_add1}) for a file, if recorded. */
    Optional<Result> result(String file, String key) {
        Map<String, Object> results = map(instance(file).get("results"));
        Object entry = results.get(key);
        return entry == null ? Optional.empty() : Optional.of(new Result(map(entry)));
    }

    /** An {@code independent_reference} entry, e.g. {@code add1_pabulib_checker_convention}. */
    Optional<Result> independent(String file, String key) {
        Object references = instance(file).get("independent_reference");
        if (references == null) {
            return Optional.empty();
        }
        Object entry = map(references).get(key);
        return entry instanceof Map<?, ?> ? Optional.of(new Result(map(entry))) : Optional.empty();
    }

    /** The META rule of the file, as recorded ({@code rule_in_file}). */
    String ruleInFile(String file) {
        Object rule = instance(file).get("rule_in_file");
        return rule == null ? "" : rule.toString();
    }

    /** {@code independent_reference.phragmen_selection_order}. */
    Optional<List<String>> phragmenSelectionOrder(String file) {
        Object references = instance(file).get("independent_reference");
        if (references == null) {
            return Optional.empty();
        }
        Object order = map(references).get("phragmen_selection_order");
        return order == null ? Optional.empty() : Optional.of(strings(order));
    }

    private Map<String, Object> instance(String file) {
        Object instance = instances.get(file);
        if (instance == null) {
            throw new IllegalArgumentException("no entry for " + file + " in expected-pabutools.json");
        }
        return map(instance);
    }

    /** One recorded outcome: winners in selection order, or a timeout. */
    record Result(Map<String, Object> fields) {

        boolean timedOut() {
            return fields.containsKey("timeout_s") && !fields.containsKey("winners");
        }

        boolean skipped() {
            return fields.containsKey("skipped");
        }

        List<String> winners() {
            Object winners = fields.get("winners");
            if (winners == null) {
                throw new IllegalStateException("no winners recorded: " + fields);
            }
            return strings(winners);
        }

        Optional<String> text(String key) {
            Object value = fields.get(key);
            return value == null ? Optional.empty() : Optional.of(value.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        return ((List<?>) value).stream().map(Object::toString).toList();
    }
}
