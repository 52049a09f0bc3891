package org.baraza.participation.proposals;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * A document attached to a proposal: PDF only, recognised by its own first bytes ("%PDF-"), not by the
 * name or type the browser claimed, and at most {@link #MAX_BYTES}. It is stored as uploaded and always
 * served as a download (Content-Disposition: attachment, nosniff), so a browser never renders it in
 * Baraza's origin. The file name is only a label: path parts, control characters and anything
 * unprintable are dropped, and it always ends in ".pdf".
 */
record PdfUpload(String fileName, byte[] content) {

    static final int MAX_BYTES = 5_000_000;
    static final int MAX_PER_PROPOSAL = 3;
    static final int MAX_NAME = 120;
    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** Why a document was refused; each has a translated message. */
    enum Refusal {
        TOO_LARGE, NOT_A_PDF;

        String messageKey() {
            return "proposals.document.refused." + name();
        }
    }

    /** The upload as a document, or why not. Empty uploads (no file chosen) are not documents at all. */
    static Optional<Refusal> check(byte[] content) {
        if (content.length > MAX_BYTES) {
            return Optional.of(Refusal.TOO_LARGE);
        }
        if (content.length < MAGIC.length) {
            return Optional.of(Refusal.NOT_A_PDF);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[i] != MAGIC[i]) {
                return Optional.of(Refusal.NOT_A_PDF);
            }
        }
        return Optional.empty();
    }

    static String safeName(String claimed) {
        String name = claimed == null ? "" : claimed;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = Normalizer.normalize(name.substring(slash + 1), Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && c != '\uFFFD' && c != '"'
                && Character.getType(c) != Character.FORMAT && Character.isDefined(c))
            .forEach(kept::appendCodePoint);
        String clean = kept.toString().strip();
        if (clean.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            clean = clean.substring(0, clean.length() - 4).strip();
        }
        if (clean.isEmpty() || clean.chars().allMatch(c -> c == '.')) {
            clean = "document";
        }
        int max = MAX_NAME - 4;
        if (clean.length() > max) {
            clean = clean.substring(0, Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max).strip();
        }
        return clean + ".pdf";
    }
}
