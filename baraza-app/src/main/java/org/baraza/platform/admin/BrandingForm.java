package org.baraza.platform.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.baraza.platform.Municipality;
import org.baraza.platform.i18n.ResidentLanguage;
import org.baraza.platform.tenancy.Municipalities;
import org.baraza.platform.web.FormErrors;

/** What a municipality's own admins may change about it: its name, colour and languages. */
record BrandingForm(
    @NotBlank(message = "{municipality.name.required}") @Size(max = 200, message = "{municipality.name.tooLong}") String name,
    @Size(max = 2, message = "{municipality.defaultLanguage.notEnabled}") String defaultLanguage,
    @Size(max = 6, message = "{municipality.languages.required}") List<String> enabledLanguages,
    @Size(max = 7, message = "{municipality.colour.invalid}") String primaryColour) {

    BrandingForm {
        enabledLanguages = enabledLanguages == null ? List.of() : List.copyOf(enabledLanguages);
    }

    static BrandingForm of(Municipality municipality) {
        return new BrandingForm(municipality.name(), municipality.defaultLanguage(), municipality.enabledLanguages(),
            municipality.primaryColour());
    }

    /**
     * The new settings, the time zone staying as the platform set it; null after adding every
     * problem to {@code errors} (Bean Validation's are already there).
     */
    Municipalities.Settings settings(Municipality current, FormErrors errors) {
        if (enabledLanguages.isEmpty() || !ResidentLanguage.SHIPPED.containsAll(enabledLanguages)) {
            errors.add("enabledLanguages", "municipality.languages.required");
        } else if (!enabledLanguages.contains(defaultLanguage)) {
            errors.add("defaultLanguage", "municipality.defaultLanguage.notEnabled");
        }
        String colour = primaryColour == null ? "" : primaryColour.trim().toLowerCase(Locale.ROOT);
        if (!Municipalities.COLOUR.matcher(colour).matches()) {
            errors.add("primaryColour", "municipality.colour.invalid");
        }
        return errors.any() ? null : new Municipalities.Settings(name.trim(), defaultLanguage, enabledLanguages,
            current.timeZone(), colour);
    }
}
