package org.baraza.platform.accounts;

import java.util.Locale;
import org.baraza.platform.Municipality;
import org.baraza.platform.OrganizationId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Writes the one-time-code messages in the resident's language and puts them in the outbox. */
@Component
class ResidentMessages {

    private final MessageSource messages;
    private final Outbox outbox;

    ResidentMessages(MessageSource messages, Outbox outbox) {
        this.messages = messages;
        this.outbox = outbox;
    }

    void confirmationCode(Municipality municipality, long accountId, Login to, String language, String code) {
        send(municipality, accountId, to, language, "confirmation code", "accounts.message.confirm", code);
    }

    void resetCode(Municipality municipality, long accountId, Login to, String language, String code) {
        send(municipality, accountId, to, language, "password reset code", "accounts.message.reset", code);
    }

    private void send(Municipality municipality, long accountId, Login to, String language, String kind, String key,
                      String code) {
        Locale locale = Locale.forLanguageTag(language == null ? municipality.defaultLanguage() : language);
        Object[] args = {municipality.name(), code, OneTimeCodes.LIFETIME.toMinutes()};
        OrganizationId organization = municipality.id();
        outbox.queue(organization, accountId, to, kind, messages.getMessage(key + ".subject", args, locale),
            messages.getMessage(key + ".body", args, locale));
    }
}
