package org.baraza.participation.consultations;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.TextInput;

/**
 * A consultation's settings as typed by an admin: times as the datetime-local input sends them
 * ({@code yyyy-mm-ddThh:mm}, in the municipality's time zone), every field a string parsed here.
 */
record ConsultationForm(String title, String description, String opensAt, String closesAt, String eligibleDistrictCode,
                        String minimumAge) {

    static ConsultationForm empty() {
        return new ConsultationForm("", "", "", "", "", "");
    }

    static ConsultationForm of(Consultation consultation, ZoneId zone) {
        return new ConsultationForm(consultation.title(), consultation.description(), local(consultation.opensAt(), zone),
            local(consultation.closesAt(), zone),
            consultation.eligibleDistrictCode() == null ? "" : consultation.eligibleDistrictCode(),
            consultation.minimumAge() == null ? "" : consultation.minimumAge().toString());
    }

    static String local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** The settings to store, or null with the reasons; opening must lie ahead, so questions can be set before it. */
    ConsultationRepository.Draft draft(FormErrors errors, ZoneId zone, Instant now, Set<String> districtCodes) {
        String checkedTitle = TextInput.check(errors, "title", title, 200, true, false, "consultations.error.title");
        String checkedDescription = TextInput.check(errors, "description", description, SafeMarkdown.MAX_LENGTH, false, true,
            "consultations.error.description");
        Instant opens = instant(errors, "opensAt", opensAt, zone);
        Instant closes = instant(errors, "closesAt", closesAt, zone);
        if (opens != null && !opens.isAfter(now)) {
            errors.reject("opensAt", "consultations.error.opensAt.past");
        }
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            errors.reject("closesAt", "consultations.error.closesAt.beforeOpening");
        }
        String district = eligibleDistrictCode == null || eligibleDistrictCode.isBlank() ? null : eligibleDistrictCode.strip();
        if (district != null && !districtCodes.contains(district)) {
            errors.reject("eligibleDistrictCode", "consultations.error.district.unknown");
        }
        Integer age = null;
        if (minimumAge != null && !minimumAge.isBlank()) {
            try {
                age = Integer.parseInt(minimumAge.strip());
                if (age < 1 || age > 120) {
                    errors.reject("minimumAge", "consultations.error.minimumAge.invalid");
                }
            } catch (NumberFormatException e) {
                errors.reject("minimumAge", "consultations.error.minimumAge.invalid");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ConsultationRepository.Draft(checkedTitle, checkedDescription == null ? "" : checkedDescription, opens, closes,
            district, age);
    }

    private static Instant instant(FormErrors errors, String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            errors.reject(field, "consultations.error.time.required");
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(value.strip());
            if (local.getYear() < 2000 || local.getYear() > 2200) {
                errors.reject(field, "consultations.error.time.invalid");
                return null;
            }
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.reject(field, "consultations.error.time.invalid");
            return null;
        }
    }
}
