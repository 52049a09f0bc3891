package org.baraza.participation.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a submitted form, in the order of its fields: each field's message key (and arguments),
 * shown in the error summary, which links to the field (whose id is the field's name), and beside the field.
 */
public final class FormErrors {

    /** One error: a message key of the area's bundle and its arguments. */
    public record Message(String key, List<Object> arguments) {
        public Object[] args() {
            return arguments.toArray();
        }
    }

    private final Map<String, Message> byField = new LinkedHashMap<>();

    public FormErrors reject(String field, String messageKey, Object... arguments) {
        byField.putIfAbsent(field, new Message(messageKey, List.of(arguments)));
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** Used by the templates: field → message. */
    public Map<String, Message> getByField() {
        return Collections.unmodifiableMap(byField);
    }

    @Override
    public String toString() {
        return byField.keySet().toString();
    }
}
