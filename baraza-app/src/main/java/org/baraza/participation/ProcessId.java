package org.baraza.participation;

/** The id of a participatory process; unique across municipalities, but always used with one. */
public record ProcessId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
