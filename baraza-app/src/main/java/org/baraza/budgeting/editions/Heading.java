package org.baraza.budgeting.editions;

import java.math.BigDecimal;

/** A share of an edition's money: city-wide ({@code districtCode} null) or one district's. */
public record Heading(long id, long editionId, String name, String districtCode, BigDecimal budget, int position) {

    public boolean cityWide() {
        return districtCode == null;
    }
}
