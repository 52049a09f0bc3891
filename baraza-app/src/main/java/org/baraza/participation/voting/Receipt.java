package org.baraza.participation.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.baraza.participation.ConsultationId;

/**
 * A voter's receipt: a random code shown once, when the ballot is cast. Only its SHA-256 hash is kept, with
 * the ballot; the public list of receipt fingerprints (the hash's first 64 bits) lets a voter check that
 * their ballot was counted. The code is 100 random bits, so the hash cannot be reversed by trying codes,
 * and it says nothing about what was voted.
 */
public record Receipt(String code) {

    /** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Receipt issue() {
        StringBuilder code = new StringBuilder(LENGTH + 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return new Receipt(code.toString());
    }

    /** The code as typed back by a voter: case, spaces, dashes and look-alike letters do not matter. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) >= 0) {
                out.append(mapped);
            } else if (c != '-' && c != ' ') {
                return "";
            }
        }
        return out.length() == LENGTH ? out.toString() : "";
    }

    /** The hash stored with the ballot; bound to the consultation, so a code means nothing in another one. */
    public byte[] hash(ConsultationId consultation) {
        return hash(consultation, normalise(code));
    }

    static byte[] hash(ConsultationId consultation, String normalisedCode) {
        try {
            return MessageDigest.getInstance("SHA-256")
                .digest(("baraza-receipt:" + consultation.value() + ":" + normalisedCode).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the public list shows for a receipt: the first 64 bits of its hash, in groups of four hex digits. */
    public static String fingerprint(byte[] hash) {
        String hex = HexFormat.of().formatHex(hash, 0, 8);
        return hex.substring(0, 4) + " " + hex.substring(4, 8) + " " + hex.substring(8, 12) + " " + hex.substring(12, 16);
    }

    public String fingerprint(ConsultationId consultation) {
        return fingerprint(hash(consultation));
    }
}
