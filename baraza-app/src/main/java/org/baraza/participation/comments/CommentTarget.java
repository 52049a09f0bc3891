package org.baraza.participation.comments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a comment answers: a proposal, a debate or a consultation, written {@code type:id} in forms and the
 * API (e.g. {@code proposal:12}). Parsing checks only the form; {@link CommentTargets} checks it exists here.
 */
public record CommentTarget(Type type, long id) {

    public enum Type {
        PROPOSAL,
        DEBATE,
        CONSULTATION;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Type> parse(String code) {
            return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
        }
    }

    /** {@code type:id} from a request; empty for anything else (unknown type, no number, zero, negative, too long). */
    public static Optional<CommentTarget> parse(String value) {
        if (value == null || value.length() > 40) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Optional<Type> type = Type.parse(value.substring(0, colon));
        try {
            long id = Long.parseLong(value.substring(colon + 1));
            return id > 0 ? type.map(t -> new CommentTarget(t, id)) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    public static Optional<CommentTarget> of(String type, long id) {
        return id > 0 ? Type.parse(type).map(t -> new CommentTarget(t, id)) : Optional.empty();
    }

    public String code() {
        return type.code() + ":" + id;
    }
}
