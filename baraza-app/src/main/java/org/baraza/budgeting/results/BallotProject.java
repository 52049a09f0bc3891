package org.baraza.budgeting.results;

import java.math.BigDecimal;

/**
 * A project on a heading's ballot: feasible, not withdrawn, with the valuator's cost. {@code externalId} is the
 * id of an imported pabulib project (null for projects made here); coordinates may be null.
 */
public record BallotProject(long id, long headingId, String title, BigDecimal cost, String externalId, String districtCode,
                            Double latitude, Double longitude) {

    /** The id the engine sees while computing results: the project's own number, never ambiguous. */
    public String engineId() {
        return Long.toString(id);
    }

    /** The id written to a pabulib export: the imported file's id when there was one, so an import round-trips. */
    public String exchangeId() {
        return externalId != null ? externalId : Long.toString(id);
    }

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }
}
