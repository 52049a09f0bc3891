package org.baraza.platform;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A municipality hosted by this installation, as resolved from the request's host name.
 * {@code primaryColour} is a #rrggbb colour used by the branding stylesheet.
 */
public record Municipality(OrganizationId id, String slug, String name, String defaultLanguage,
                           List<String> enabledLanguages, ZoneId timeZone, String primaryColour,
                           boolean hasLogo) {

    public Municipality {
        enabledLanguages = List.copyOf(enabledLanguages);
    }

    public Locale defaultLocale() {
        return Locale.forLanguageTag(defaultLanguage);
    }

    public boolean offers(String language) {
        return enabledLanguages.contains(language);
    }
}
