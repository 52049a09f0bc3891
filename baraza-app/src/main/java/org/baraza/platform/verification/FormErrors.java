package org.baraza.platform.verification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors of a submitted form, in the order of its fields: each field's message key, shown in the
 * error summary (linking to the field, whose id is the field's name) and beside the field itself.
 */
final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    void reject(String field, String messageKey) {
        byField.putIfAbsent(field, messageKey);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** Used by the templates: field → message key. */
    public Map<String, String> getByField() {
        return Collections.unmodifiableMap(byField);
    }
}
