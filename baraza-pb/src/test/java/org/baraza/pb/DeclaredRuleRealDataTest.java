package org.baraza.pb;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code auto} reproduces what was funded in reality ({@code selected = 1}; 2 and 3 mark projects funded
 * for a reason outside the rule, pabulib-format.md §3) in every real file whose META names a rule.
 */
class DeclaredRuleRealDataTest {

    private static final Set<String> DECLARED_RULES = Set.of(
        "greedy", "greedy-no-skip", "greedy-threshold", "greedy-custom", "greedy-exclusive",
        "equalshares", "equalshares-comparison", "equalshares/add1", "equalshares/add1-comparison");

    /** Files whose reality departs from their declared rule, with the reason their META comment gives. */
    private static final Map<String, String> DEPARTURES = Map.of(
        "Poland_Lodz_2020.pb",
        "Additional projects were then selected, though not strictly following the typical greedy rule.");

    static Stream<Path> filesWithDeclaredRuleAndSelected() {
        return PabulibData.files().stream().filter(file -> {
            Election election = PabulibReader.read(file);
            return DECLARED_RULES.contains(election.meta("rule"))
                && election.projects().stream().anyMatch(p -> p.attribute("selected") != null);
        });
    }

    @Test
    void everyFileWithADeclaredRuleAndASelectedColumnIsChecked() {
        assertThat(filesWithDeclaredRuleAndSelected()).hasSize(32);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithDeclaredRuleAndSelected")
    void autoReproducesTheProjectsFundedInReality(Path file) {
        Election election = PabulibReader.read(file);
        Set<String> fundedByRule = election.projects().stream()
            .filter(p -> "1".equals(p.attribute("selected")))
            .map(Project::id)
            .collect(Collectors.toSet());

        Set<String> chosen = Set.copyOf(
            Rules.named("auto").apply(election, DeclaredRule.checkerConventions()).selected());

        String name = file.getFileName().toString();
        if (DEPARTURES.containsKey(name)) {
            assertThat(election.meta("comment")).contains(DEPARTURES.get(name));
            assertThat(chosen).as("departs from its declared rule").isNotEqualTo(fundedByRule);
        } else {
            assertThat(chosen).isEqualTo(fundedByRule);
        }
    }

    @Test
    void fileWhoseRuleIsUnknownIsRefused() {
        Election election = PabulibReader.read(PabulibData.file("Switzerland_Zurich_S5.pb"));

        assertThatThrownBy(() -> Rules.named("auto").apply(election, DeclaredRule.checkerConventions()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'unknown'");
    }
}
