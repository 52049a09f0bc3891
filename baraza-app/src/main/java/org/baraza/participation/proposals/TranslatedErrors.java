package org.baraza.participation.proposals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.baraza.participation.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** A form's errors as the templates show them: field id → message in the page's language, in field order. */
final class TranslatedErrors {

    private TranslatedErrors() {
    }

    static Map<String, String> of(FormErrors errors, MessageSource messages) {
        Map<String, String> translated = new LinkedHashMap<>();
        errors.getByField().forEach((field, message) -> translated.put(field,
            messages.getMessage(message.key(), message.args(), LocaleContextHolder.getLocale())));
        return translated;
    }
}
