package org.baraza.participation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as residents read them: in the municipality's time zone and the page's language.
 * Templates call it as {@code ${@when.dateTime(instant)}}.
 */
@Component("when")
public class When {

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        var local = instant.atZone(zone());
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(local) + ", "
            + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local);
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LocaleContextHolder.getLocale()).format(date);
    }

    /** The machine-readable value for a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.atZone(zone()).toOffsetDateTime().toString();
    }

    public String zoneName() {
        return zone().getId();
    }

    private static ZoneId zone() {
        return CurrentMunicipality.find().map(m -> m.timeZone()).orElse(ZoneId.of("UTC"));
    }
}
