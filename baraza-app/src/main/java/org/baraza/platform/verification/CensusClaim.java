package org.baraza.platform.verification;

import java.time.LocalDate;

/**
 * What a person states to be verified: their document number, birth date and district. Its
 * {@link #toString()} leaves the document out so a claim can never be logged whole.
 */
record CensusClaim(DocumentNumber document, LocalDate birthDate, String districtCode) {

    @Override
    public String toString() {
        return "CensusClaim[document hidden]";
    }
}
