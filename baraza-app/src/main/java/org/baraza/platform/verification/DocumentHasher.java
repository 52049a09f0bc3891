package org.baraza.platform.verification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns document numbers into the keyed hash the census stores: HMAC-SHA256 with the municipality's
 * secret salt. Without the salt a stolen census table cannot be matched against a list of numbers, and
 * the same person gets unrelated hashes in two municipalities. Not thread-safe: one per thread or task.
 */
final class DocumentHasher {

    static final int HASH_LENGTH = 32;

    private final Mac mac;

    DocumentHasher(byte[] salt) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    byte[] hash(DocumentNumber document) {
        return mac.doFinal(document.normalised().getBytes(StandardCharsets.UTF_8));
    }
}
