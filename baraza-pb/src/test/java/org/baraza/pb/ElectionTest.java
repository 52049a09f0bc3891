package org.baraza.pb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElectionTest {

    @Test
    void ballotsSharingTheirListsSideBySideAreOneRunAndEqualListsThatAreNotSharedAreNot() {
        List<String> library = List.of("library");
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ballots.add(Ballot.approving("v" + i, library));
        }
        ballots.add(Ballot.approving("v3", List.of("library", "bikes")));
        ballots.add(Ballot.approving("v4", new ArrayList<>(library))); // equal, but its own list
        ballots.add(Ballot.approving("v5", library));
        Election election = new Election(Map.of(), new BigDecimal("100"), BallotKind.APPROVAL,
            List.of(new Project("library", new BigDecimal("60")), new Project("bikes", new BigDecimal("50"))), ballots);

        List<String> runs = new ArrayList<>();
        election.forEachRun((ballot, voters) -> runs.add(ballot.voterId() + "×" + voters));

        assertThat(runs).containsExactly("v0×3", "v3×1", "v4×1", "v5×1");
    }

    @Test
    void supportAndTieBreaksCountEveryVoterOfARun() {
        List<String> bikes = List.of("bikes");
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ballots.add(Ballot.approving("b" + i, bikes));
        }
        ballots.add(Ballot.approving("l", List.of("library")));
        Election election = new Election(Map.of(), new BigDecimal("50"), BallotKind.APPROVAL,
            List.of(new Project("library", new BigDecimal("50")), new Project("bikes", new BigDecimal("50"))), ballots);

        assertThat(Support.countedFrom(election).of(election.project("bikes"))).isEqualTo(4);
        // same cost: the most approved wins the tie
        assertThat(Rules.named("greedy").apply(election, TieBreak.costThenVotes()).selected()).containsExactly("bikes");
    }
}
