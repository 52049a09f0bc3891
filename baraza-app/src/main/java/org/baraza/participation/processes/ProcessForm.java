package org.baraza.participation.processes;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.TextInput;

/**
 * The process form as submitted: every field a string, parsed here, so that anything a client sends
 * (wrong types, hostile text) gets a translated message instead of a binding error.
 *
 * @param districtCode empty for a city-wide process
 * @param published "true" when the box is ticked
 */
record ProcessForm(String title, String description, String districtCode, List<String> sdgGoals, String published) {

    static final int MAX_TITLE = 200;

    ProcessForm {
        sdgGoals = sdgGoals == null ? List.of() : List.copyOf(sdgGoals.stream().filter(java.util.Objects::nonNull).toList());
    }

    static ProcessForm empty() {
        return new ProcessForm("", "", "", List.of(), null);
    }

    static ProcessForm of(ParticipatoryProcess process) {
        return new ProcessForm(process.title(), process.description(), process.districtCode() == null ? "" : process.districtCode(),
            process.sdgGoals().stream().map(String::valueOf).toList(), process.published() ? "true" : null);
    }

    public boolean hasGoal(int goal) {
        return sdgGoals.contains(Integer.toString(goal));
    }

    public boolean isPublished() {
        return "true".equals(published);
    }

    /** The draft to store, or null with the reasons in {@code errors}. */
    ProcessRepository.Draft draft(FormErrors errors, Set<String> districtCodes) {
        String checkedTitle = TextInput.check(errors, "title", title, MAX_TITLE, true, false, "processes.error.title");
        String checkedDescription = TextInput.check(errors, "description", description, SafeMarkdown.MAX_LENGTH, false, true,
            "processes.error.description");
        String district = districtCode == null || districtCode.isBlank() ? null : districtCode.strip();
        if (district != null && !districtCodes.contains(district)) {
            errors.reject("districtCode", "processes.error.district.unknown");
        }
        if (sdgGoals.size() > 17) {
            errors.reject("sdgGoals", "processes.error.sdg.unknown");
        }
        Set<Integer> goals = new TreeSet<>();
        for (String goal : sdgGoals) {
            try {
                int number = Integer.parseInt(goal.strip());
                if (number < 1 || number > 17) {
                    errors.reject("sdgGoals", "processes.error.sdg.unknown");
                } else {
                    goals.add(number);
                }
            } catch (NumberFormatException e) {
                errors.reject("sdgGoals", "processes.error.sdg.unknown");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ProcessRepository.Draft(checkedTitle, checkedDescription == null ? "" : checkedDescription, district,
            List.copyOf(goals), isPublished());
    }
}
