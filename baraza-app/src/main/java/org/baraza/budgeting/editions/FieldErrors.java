package org.baraza.budgeting.editions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The errors of a submitted budgeting form, in the order of its fields: a message key of the budgets
 * bundle and its arguments per field. The templates show them translated in an error summary linking to
 * each field (whose id is the field's name) and beside the field.
 */
public final class FieldErrors {

    record Message(String key, List<Object> arguments) {
    }

    private final Map<String, Message> byField = new LinkedHashMap<>();

    public FieldErrors reject(String field, String messageKey, Object... arguments) {
        byField.putIfAbsent(field, new Message(messageKey, List.of(arguments)));
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** Field id → message in the page's language, as the templates show them. */
    public Map<String, String> translated(MessageSource messages) {
        Map<String, String> translated = new LinkedHashMap<>();
        byField.forEach((field, message) -> translated.put(field,
            messages.getMessage(message.key(), message.arguments().toArray(), LocaleContextHolder.getLocale())));
        return Collections.unmodifiableMap(translated);
    }

    @Override
    public String toString() {
        return byField.keySet().toString();
    }
}
