package org.baraza.participation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The code of a voter's receipt, for consultation and budget ballots alike: 100 random bits shown once, as 20
 * characters of Crockford's base 32 in groups of four (no I, L, O or U, so a code read aloud or copied by hand
 * survives). The code is kept nowhere in clear; what is kept are SHA-256 hashes of it, each with a prefix of its
 * own, so that one hash can never be mistaken for another and 2^100 codes cannot be tried to reverse one.
 */
public final class ReceiptCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCode() {
    }

    /** A fresh code, in groups of four. */
    public static String issue() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return grouped(code);
    }

    /** The code as typed back by a voter: case, spaces, dashes and look-alike letters do not matter; "" if it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null || typed.length() > 60) {
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

    /** A typed code in the form it was shown in (groups of four), or null if it cannot be a code. */
    public static String canonical(String typed) {
        String normalised = normalise(typed);
        return normalised.isEmpty() ? null : grouped(normalised);
    }

    /** SHA-256 of a purpose's prefix and what it binds (the code normalised among it), as ASCII. */
    public static byte[] sha256(String prefixed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(prefixed.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a public list of receipts shows for a hash: its first 64 bits, in groups of four hex digits. */
    public static String fingerprint(byte[] hash) {
        String hex = HexFormat.of().formatHex(hash, 0, 8);
        return hex.substring(0, 4) + " " + hex.substring(4, 8) + " " + hex.substring(8, 12) + " " + hex.substring(12, 16);
    }

    private static String grouped(CharSequence normalised) {
        StringBuilder code = new StringBuilder(LENGTH + 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(normalised.charAt(i));
        }
        return code.toString();
    }
}
