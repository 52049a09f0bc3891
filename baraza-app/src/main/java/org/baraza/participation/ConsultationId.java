package org.baraza.participation;

/** The id of a consultation (a poll) held in a participatory process. */
public record ConsultationId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
