package org.baraza.participation.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What residents can flag and moderators can hide: the code is what URLs, tables and the audit trail carry. */
public enum ModeratedContent {
    DEBATE,
    COMMENT,
    PROPOSAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ModeratedContent> parse(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
    }
}
