package org.baraza.participation.consultations;

import java.time.LocalDate;
import java.util.Optional;
import org.baraza.platform.VerifiedResident;

/** Whether a person may vote in a consultation: a verified resident, of its district and age if it asks. */
public enum Eligibility {
    ELIGIBLE, NOT_VERIFIED, OTHER_DISTRICT, TOO_YOUNG;

    /** @param today the voting day in the municipality's time zone; age is counted on it */
    public static Eligibility of(Consultation consultation, Optional<VerifiedResident> resident, LocalDate today) {
        if (resident.isEmpty()) {
            return NOT_VERIFIED;
        }
        if (consultation.eligibleDistrictCode() != null && !consultation.eligibleDistrictCode().equals(resident.get().districtCode())) {
            return OTHER_DISTRICT;
        }
        if (consultation.minimumAge() != null && !resident.get().isAtLeast(consultation.minimumAge(), today)) {
            return TOO_YOUNG;
        }
        return ELIGIBLE;
    }

    public String messageKey() {
        return "consultations.eligibility." + name();
    }
}
