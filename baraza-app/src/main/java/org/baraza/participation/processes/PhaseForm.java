package org.baraza.participation.processes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.TextInput;

/** A phase as typed by an admin: dates as {@code yyyy-mm-dd} (the date input's value), actions by name. */
record PhaseForm(String title, String description, String startsOn, String endsOn, List<String> actions) {

    static final int MAX_TITLE = 120;
    static final int MAX_DESCRIPTION = 2000;

    PhaseForm {
        actions = actions == null ? List.of() : List.copyOf(actions.stream().filter(java.util.Objects::nonNull).toList());
    }

    static PhaseForm empty() {
        return new PhaseForm("", "", "", "", List.of());
    }

    static PhaseForm of(Phase phase) {
        return new PhaseForm(phase.title(), phase.description(), phase.startsOn().toString(), phase.endsOn().toString(),
            phase.actions().stream().map(Enum::name).toList());
    }

    public boolean has(String action) {
        return actions.contains(action);
    }

    /** The phase to store, its days turned into instants in the municipality's zone; or null with the reasons. */
    ProcessRepository.PhaseDraft draft(FormErrors errors, ZoneId zone) {
        String checkedTitle = TextInput.check(errors, "title", title, MAX_TITLE, true, false, "processes.error.title");
        String checkedDescription = TextInput.check(errors, "description", description, MAX_DESCRIPTION, false, true,
            "processes.error.description");
        LocalDate start = date(errors, "startsOn", startsOn);
        LocalDate end = date(errors, "endsOn", endsOn);
        if (start != null && end != null && end.isBefore(start)) {
            errors.reject("endsOn", "processes.error.phase.endsBeforeStart");
        }
        Set<PhaseAction> chosen = EnumSet.noneOf(PhaseAction.class);
        for (String action : actions) {
            try {
                chosen.add(PhaseAction.valueOf(action.strip()));
            } catch (IllegalArgumentException unknown) {
                errors.reject("actions", "processes.error.phase.unknownAction");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ProcessRepository.PhaseDraft(checkedTitle, checkedDescription == null ? "" : checkedDescription, start, end,
            start.atStartOfDay(zone).toInstant(), end.plusDays(1).atStartOfDay(zone).toInstant(), chosen);
    }

    private static LocalDate date(FormErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.reject(field, "processes.error.date.required");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.getYear() > 2200) {
                errors.reject(field, "processes.error.date.invalid");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.reject(field, "processes.error.date.invalid");
            return null;
        }
    }
}
