package org.baraza.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/**
 * A resident verified against the census: the district they live in and their birth date, as the census
 * says today (a later census upload may move them), so modules can check eligibility by district and age.
 *
 * @param assisted whether an officer verified them in person rather than the resident online
 */
public record VerifiedResident(OrganizationId organization, long accountId, String districtCode, LocalDate birthDate,
                               Instant verifiedAt, boolean assisted) {

    /** Age in whole years on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public boolean isAtLeast(int years, LocalDate day) {
        return ageOn(day) >= years;
    }
}
