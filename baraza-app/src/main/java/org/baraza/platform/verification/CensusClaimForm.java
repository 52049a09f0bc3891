package org.baraza.platform.verification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The three facts a person gives to be verified, as typed. The document number is never shown back:
 * after a failed attempt the page asks for it again rather than writing it into the HTML.
 */
record CensusClaimForm(String documentNumber, String birthDate, String district) {

    static final int MAX_DATE_LENGTH = 10;

    static CensusClaimForm empty() {
        return new CensusClaimForm("", "", "");
    }

    CensusClaimForm withoutDocument() {
        return new CensusClaimForm("", text(birthDate), text(district));
    }

    /** The claim, or null after rejecting every field that is wrong. */
    CensusClaim claim(FormErrors errors, Set<String> districtCodes, LocalDate today) {
        DocumentNumber.Parsed document = DocumentNumber.parse(documentNumber);
        if (document.problem() != null) {
            errors.reject("documentNumber", switch (document.problem()) {
                case EMPTY -> "verification.error.documentEmpty";
                case TOO_LONG -> "verification.error.documentTooLong";
                case NOT_LETTERS_AND_DIGITS -> "verification.error.documentCharacters";
            });
        }
        LocalDate date = date(text(birthDate).strip(), today);
        if (date == null) {
            errors.reject("birthDate", "verification.error.birthDate");
        }
        String code = text(district).strip();
        if (!districtCodes.contains(code)) {
            errors.reject("district", "verification.error.district");
        }
        return errors.isEmpty() ? new CensusClaim(document.number(), date, code) : null;
    }

    private static LocalDate date(String text, LocalDate today) {
        if (text.length() != MAX_DATE_LENGTH) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return date.isAfter(today) || date.isBefore(CensusFileReader.EARLIEST_BIRTH_DATE) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "CensusClaimForm[document hidden]";
    }
}
