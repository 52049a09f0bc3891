package org.baraza.participation.voting;

import org.baraza.participation.ConsultationId;
import org.baraza.participation.ReceiptCode;

/**
 * A voter's receipt: a random code shown once, when the ballot is cast. Only its SHA-256 hash is kept, with
 * the ballot; the public list of receipt fingerprints (the hash's first 64 bits) lets a voter check that
 * their ballot was counted. The code is 100 random bits, so the hash cannot be reversed by trying codes,
 * and it says nothing about what was voted.
 */
public record Receipt(String code) {

    public static Receipt issue() {
        return new Receipt(ReceiptCode.issue());
    }

    /** The code as typed back by a voter: case, spaces, dashes and look-alike letters do not matter. */
    public static String normalise(String typed) {
        return ReceiptCode.normalise(typed);
    }

    /** The hash stored with the ballot; bound to the consultation, so a code means nothing in another one. */
    public byte[] hash(ConsultationId consultation) {
        return hash(consultation, normalise(code));
    }

    static byte[] hash(ConsultationId consultation, String normalisedCode) {
        return ReceiptCode.sha256("baraza-receipt:" + consultation.value() + ":" + normalisedCode);
    }

    /** What the public list shows for a receipt: the first 64 bits of its hash, in groups of four hex digits. */
    public static String fingerprint(byte[] hash) {
        return ReceiptCode.fingerprint(hash);
    }

    public String fingerprint(ConsultationId consultation) {
        return fingerprint(hash(consultation));
    }

    @Override
    public String toString() {
        // a receipt must never reach a log line by accident
        return "Receipt[****]";
    }
}
