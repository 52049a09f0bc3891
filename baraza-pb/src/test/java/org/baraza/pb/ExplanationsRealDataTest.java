package org.baraza.pb;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** On every real election, an explanation's outcome is exactly the rule's, and the MES payments add up. */
class ExplanationsRealDataTest {

    private static final TieBreak LEXICOGRAPHIC = TieBreak.lexicographic();

    @TestFactory
    Stream<DynamicTest> everyDataFile() {
        return PabulibData.files().stream().flatMap(file -> {
            String name = file.getFileName().toString();
            return Stream.of("greedy", "phragmen", "mes-add1").map(rule ->
                dynamicTest(name + " " + rule, () -> check(file, rule)));
        });
    }

    private static void check(Path file, String rule) {
        Election election = PabulibReader.read(file);
        Explanation explanation = Explanations.explain(rule, election, LEXICOGRAPHIC, List.of());

        assertThat(explanation.outcome()).isEqualTo(Rules.named(rule).apply(election, LEXICOGRAPHIC));
        assertThat(explanation.funded().size() + explanation.unfunded().size()).isEqualTo(election.projects().size());
        if (rule.equals("mes-add1")) {
            EqualSharesProfile profile = EqualSharesProfile.exact(election, LEXICOGRAPHIC);
            EqualSharesAdd1.Result add1 = EqualSharesAdd1.pabutools(profile);
            if (profile.voters > 0) {
                ExplanationsTest.assertPaymentsAddUp(profile,
                    EqualSharesPayments.replay(profile, add1.answerEndowment(), add1.answer()));
            }
        }
    }
}
