package org.baraza.platform.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.baraza.platform.Municipality;
import org.baraza.platform.i18n.ResidentLanguage;
import org.baraza.platform.tenancy.HostNames;
import org.baraza.platform.tenancy.Municipalities;
import org.baraza.platform.web.FormErrors;

/** A municipality as the platform console's form shows and submits it; hosts one per line. */
record MunicipalityForm(
    @Size(max = 63, message = "{municipality.slug.invalid}") String slug,
    @NotBlank(message = "{municipality.name.required}") @Size(max = 200, message = "{municipality.name.tooLong}") String name,
    @Size(max = 5000, message = "{municipality.hosts.tooLong}") String hosts,
    @Size(max = 2, message = "{municipality.defaultLanguage.notEnabled}") String defaultLanguage,
    @Size(max = 6, message = "{municipality.languages.required}") List<String> enabledLanguages,
    @NotBlank(message = "{municipality.timeZone.invalid}") @Size(max = 64, message = "{municipality.timeZone.invalid}") String timeZone,
    @Size(max = 7, message = "{municipality.colour.invalid}") String primaryColour) {

    MunicipalityForm {
        enabledLanguages = enabledLanguages == null ? List.of() : List.copyOf(enabledLanguages);
    }

    static MunicipalityForm blank() {
        return new MunicipalityForm("", "", "", "en", List.of("en"), "UTC", "#1d5f8a");
    }

    static MunicipalityForm of(Municipality municipality, List<String> hosts) {
        return new MunicipalityForm(municipality.slug(), municipality.name(), String.join("\n", hosts),
            municipality.defaultLanguage(), municipality.enabledLanguages(), municipality.timeZone().getId(),
            municipality.primaryColour());
    }

    /**
     * Every problem of the form at once (Bean Validation's are already in {@code errors}), so the
     * operator fixes them in one go; the settings if there is none, else null.
     */
    Municipalities.Settings settings(FormErrors errors, boolean creating) {
        if (creating && !errors.has("slug") && (slug == null || !Municipalities.SLUG.matcher(slug.trim()).matches())) {
            errors.add("slug", "municipality.slug.invalid");
        }
        hostNames().refusal().ifPresent(errors::add);
        if (enabledLanguages.isEmpty() || !ResidentLanguage.SHIPPED.containsAll(enabledLanguages)) {
            errors.add("enabledLanguages", "municipality.languages.required");
        } else if (!enabledLanguages.contains(defaultLanguage)) {
            errors.add("defaultLanguage", "municipality.defaultLanguage.notEnabled");
        }
        ZoneId zone = null;
        try {
            zone = timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.trim());
        } catch (DateTimeException unknown) {
            errors.add("timeZone", "municipality.timeZone.invalid");
        }
        String colour = primaryColour == null ? "" : primaryColour.trim().toLowerCase(Locale.ROOT);
        if (!Municipalities.COLOUR.matcher(colour).matches()) {
            errors.add("primaryColour", "municipality.colour.invalid");
        }
        if (zone == null || errors.any()) {
            return null;
        }
        return new Municipalities.Settings(name.trim(), defaultLanguage, enabledLanguages, zone, colour);
    }

    HostNames.Parsed hostNames() {
        return HostNames.parse(hosts);
    }
}
