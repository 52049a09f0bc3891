package org.baraza.platform.verification;

import java.time.LocalDate;

/** One valid line of a census file. */
record CensusRow(long line, DocumentNumber document, LocalDate birthDate, String districtCode) {

    @Override
    public String toString() {
        return "CensusRow[line=" + line + ", document hidden]";
    }
}
