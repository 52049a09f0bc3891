package org.baraza.platform.console;

import java.time.ZoneId;
import java.util.List;

/**
 * The time zones offered as suggestions: the continent/city names, without the legacy country
 * aliases (US/…, Brazil/…). The field still takes any id {@link ZoneId} knows.
 */
final class TimeZones {

    private static final List<String> REGIONS =
        List.of("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific");

    static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
        .filter(zone -> REGIONS.stream().anyMatch(region -> zone.startsWith(region + "/")))
        .sorted()
        .toList();

    private TimeZones() {
    }
}
