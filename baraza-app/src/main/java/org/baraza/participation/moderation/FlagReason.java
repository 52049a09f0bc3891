package org.baraza.participation.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a resident flags a contribution: a fixed list, so moderators can sort the queue and nothing free-form is required. */
public enum FlagReason {
    SPAM,
    ABUSE,
    HATE,
    PERSONAL_DATA,
    OFF_TOPIC,
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "moderation.reason." + code();
    }

    static Optional<FlagReason> parse(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst();
    }
}
