package org.baraza.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.baraza.platform.tenancy.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The translated problems of one submitted form, by field id, in the order they were found: the
 * error summary lists them and links each to its field, which shows its own message beside it.
 */
public final class FormErrors {

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> byField = new LinkedHashMap<>();

    public FormErrors(MessageSource messages) {
        this.messages = messages;
        this.locale = LocaleContextHolder.getLocale();
    }

    /** Bean Validation's findings; their messages were already translated from their {key}. */
    public FormErrors add(BindingResult binding) {
        for (FieldError error : binding.getFieldErrors()) {
            String message = error.isBindingFailure()
                ? messages.getMessage("form.invalidValue", null, locale)
                : error.getDefaultMessage();
            byField.putIfAbsent(error.getField(), message);
        }
        return this;
    }

    public FormErrors add(String field, String messageKey, Object... arguments) {
        byField.putIfAbsent(field, messages.getMessage(messageKey, arguments, locale));
        return this;
    }

    public FormErrors add(Refusal refusal) {
        return add(refusal.field(), refusal.messageKey(), refusal.argumentArray());
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(byField);
    }

    /**
     * The problems, for a form shown again because it was refused: the response becomes a 400, so
     * a refused submission is never mistaken for a success by a program or a test.
     */
    public Map<String, String> rejected() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
            && attributes.getResponse() != null) {
            attributes.getResponse().setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return asMap();
    }

    public static Map<String, String> none() {
        return Map.of();
    }
}
