package org.baraza.platform.tenancy;

import java.util.List;

/**
 * Why a change to a municipality's set-up was refused, nothing having been changed: the form field
 * it concerns and a translated message (admin bundle) with its arguments.
 */
public record Refusal(String field, String messageKey, List<Object> arguments) {

    public Refusal {
        arguments = List.copyOf(arguments);
    }

    public static Refusal of(String field, String messageKey, Object... arguments) {
        return new Refusal(field, messageKey, List.of(arguments));
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
