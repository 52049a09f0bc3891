package org.baraza.pb;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PabulibReaderTest {

    private static final String META = """
        META
        key;value
        description;test
        num_projects;3
        num_votes;2
        budget;100
        vote_type;approval
        rule;greedy
        PROJECTS
        project_id;cost;votes;name
        1;40;2;first
        2;60;1;second
        10;30;1;third
        VOTES
        voter_id;vote
        """;

    private static Election read(String text) {
        return PabulibReader.read(new StringReader(text), "test.pb");
    }

    /** The test election with its two vote rows replaced. */
    private static String withVotes(String firstVote, String secondVote) {
        return META + "v1;" + firstVote + "\nv2;" + secondVote + "\n";
    }

    @Test
    void readsBudgetProjectsAndBallotsInFileOrder() {
        Election election = read(withVotes("1,2", "10"));

        assertThat(election.budget()).isEqualByComparingTo("100");
        assertThat(election.kind()).isEqualTo(BallotKind.APPROVAL);
        assertThat(election.projects()).extracting(Project::id).containsExactly("1", "2", "10");
        assertThat(election.project("2").cost()).isEqualByComparingTo("60");
        assertThat(election.project("1").attribute("name")).isEqualTo("first");
        assertThat(election.project("1").attribute("votes")).isEqualTo("2");
        assertThat(election.ballots()).extracting(Ballot::projects)
            .containsExactly(List.of("1", "2"), List.of("10"));
        assertThat(election.meta("rule")).isEqualTo("greedy");
    }

    @Test
    void quotedCellsMayHoldSemicolonsAndDoubledQuotes() {
        String text = META.replace("1;40;2;first", "1;40;2;\"Zielona obwodnica; ETAP II\"")
            .replace("2;60;1;second", "2;60;1;\"\"\"Konikowo\"\" - plac zabaw\"");
        Election election = read(text + "v1;1\nv2;2\n");

        assertThat(election.project("1").attribute("name")).isEqualTo("Zielona obwodnica; ETAP II");
        assertThat(election.project("2").attribute("name")).isEqualTo("\"Konikowo\" - plac zabaw");
    }

    @Test
    void quotedCellMaySpanLinesAndLaterErrorsStillNameTheRightLine() {
        String text = META.replace("1;40;2;first", "1;40;2;\"two\nlines\"") + "v1;1\nv2;99\n";

        assertThatThrownBy(() -> read(text))
            .isInstanceOf(PabulibFormatException.class)
            .hasMessageContaining("line 18");
    }

    @Test
    void crlfLineEndingsAndByteOrderMarkAreAccepted() {
        String text = "\uFEFF" + withVotes("1", "2").replace("\n", "\r\n");
        Election election = read(text);

        assertThat(election.projects()).hasSize(3);
        assertThat(election.ballots()).hasSize(2);
        assertThat(election.meta("description")).isEqualTo("test");
    }

    @Test
    void cellsAreTrimmedAndEmptyLinesIgnored() {
        String text = withVotes(" 1 , 2 ", "10").replace("budget;100", "budget ;  100 ")
            .replace("PROJECTS\n", "\n\nPROJECTS\n   \n");
        Election election = read(text);

        assertThat(election.budget()).isEqualByComparingTo("100");
        assertThat(election.ballots().get(0).projects()).containsExactly("1", "2");
    }

    @Test
    void sectionTitlesAreCaseInsensitive() {
        Election election = read(withVotes("1", "2").replace("PROJECTS", "projects").replace("VOTES", "Votes"));

        assertThat(election.projects()).hasSize(3);
    }

    @Test
    void decimalBudgetAndCostsAreExactAndAcceptADecimalComma() {
        Election election = read(withVotes("1", "2")
            .replace("budget;100", "budget;1331751.11")
            .replace("1;40;2;first", "1;\"40,25\";2;first"));

        assertThat(election.budget()).isEqualTo(new BigDecimal("1331751.11"));
        assertThat(election.project("1").cost()).isEqualTo(new BigDecimal("40.25"));
    }

    @Test
    void emptyBallotIsKeptAsAVoter() {
        Election election = read(withVotes("", "1"));

        assertThat(election.ballots()).hasSize(2);
        assertThat(election.ballots().get(0).projects()).isEmpty();
    }

    @Test
    void duplicateIdsInABallotCollapseToTheFirstOccurrence() {
        Election election = read(withVotes("10,1,10,2,1,10", "2"));

        assertThat(election.ballots().get(0).projects()).containsExactly("10", "1", "2");
        assertThat(election.approvals("10")).isEqualTo(1);
    }

    @Test
    void duplicateIdsOnAPointsBallotKeepTheFirstPoints() {
        String text = META.replace("vote_type;approval", "vote_type;cumulative\nmax_sum_points;10")
            .replace("voter_id;vote", "voter_id;vote;points")
            + "v1;2,1,2;5,3,2\nv2;10;1\n";
        Election election = read(text);

        Ballot first = election.ballots().get(0);
        assertThat(first.projects()).containsExactly("2", "1");
        assertThat(first.points()).containsExactly(5L, 3L);
        assertThat(first.pointsFor("10")).isZero();
    }

    @Test
    void literalNoneMeansMissing() {
        String text = withVotes("None", "1").replace("1;40;2;first", "1;40;None;first");
        Election election = read(text);

        assertThat(election.project("1").attribute("votes")).isNull();
        assertThat(election.ballots().get(0).projects()).isEmpty();
    }

    @Test
    void projectIdsAreStringsNotNumbers() {
        Election election = read(withVotes("10", "1").replace("10;30;1;third", "010;30;1;third")
            .replace("v1;10", "v1;010"));

        assertThat(election.projects()).extracting(Project::id).contains("010");
        assertThat(election.ballots().get(0).projects()).containsExactly("010");
    }

    @Test
    void everyVoteTypeIsRead() {
        for (BallotKind kind : BallotKind.values()) {
            String text = META.replace("vote_type;approval", "vote_type;" + kind.voteType())
                .replace("voter_id;vote", kind.hasPoints() ? "voter_id;vote;points" : "voter_id;vote")
                + (kind.hasPoints() ? "v1;2,1;3,2\nv2;1;1\n" : kind == BallotKind.CHOOSE_ONE ? "v1;2\nv2;1\n" : "v1;2,1\nv2;1\n");
            Election election = read(text);

            assertThat(election.kind()).isEqualTo(kind);
            assertThat(election.ballots().get(0).projects()).first().isEqualTo("2");
            assertThat(election.ballots().get(0).points()).isEqualTo(kind.hasPoints() ? List.of(3L, 2L) : List.of());
        }
    }

    @Test
    void columnsMayComeInAnyOrderAndExtraColumnsAreKept() {
        String text = META.replace("project_id;cost;votes;name", "name;cost;project_id;votes")
            .replace("1;40;2;first", "first;40;1;2").replace("2;60;1;second", "second;60;2;1")
            .replace("10;30;1;third", "third;30;10;1")
            .replace("voter_id;vote", "age;vote;voter_id") + "30;1,2;v1\n41;10;v2\n";
        Election election = read(text);

        assertThat(election.project("10").cost()).isEqualByComparingTo("30");
        assertThat(election.ballots().get(1).voterId()).isEqualTo("v2");
        assertThat(election.ballots().get(1).projects()).containsExactly("10");
    }

    // ---- malformed input: each error names its line ----

    @Test
    void missingMetaTitleIsRejectedAtLineOne() {
        assertRejected("key;value\nbudget;1\n", 1, "expected section title META");
    }

    @Test
    void emptyFileIsRejected() {
        assertRejected("", 1, "empty");
    }

    @Test
    void badMetaHeaderIsRejected() {
        assertRejected(withVotes("1", "2").replace("key;value", "key;val"), 2, "META header");
    }

    @Test
    void missingProjectsSectionIsRejected() {
        assertRejected("META\nkey;value\nbudget;1\nvote_type;approval\n", 4, "section PROJECTS is missing");
    }

    @Test
    void missingVotesSectionIsRejected() {
        assertRejected(META.substring(0, META.indexOf("VOTES")), 13, "section VOTES is missing");
    }

    @Test
    void projectsHeaderWithoutCostIsRejected() {
        assertRejected(withVotes("1", "2").replace("project_id;cost;votes;name", "project_id;price;votes;name"),
            10, "lacks the obligatory column 'cost'");
    }

    @Test
    void nonNumericCostIsRejectedNamingTheProject() {
        assertRejected(withVotes("1", "2").replace("2;60;1;second", "2;sixty;1;second"),
            12, "cost of project 2 'sixty' is not a number");
    }

    @Test
    void negativeCostIsRejected() {
        assertRejected(withVotes("1", "2").replace("2;60;1;second", "2;-60;1;second"), 12, "negative");
    }

    @Test
    void nonNumericBudgetIsRejectedAtItsMetaLine() {
        assertRejected(withVotes("1", "2").replace("budget;100", "budget;lots"), 6, "budget 'lots' is not a number");
    }

    @Test
    void missingBudgetIsRejected() {
        assertRejected(withVotes("1", "2").replace("budget;100\n", ""), 1, "obligatory key 'budget'");
    }

    @Test
    void unknownVoteTypeIsRejectedAtItsMetaLine() {
        assertRejected(withVotes("1", "2").replace("vote_type;approval", "vote_type;quadratic"), 7, "quadratic");
    }

    @Test
    void ballotNamingAnUnknownProjectIsRejected() {
        assertRejected(withVotes("1", "1,7"), 17, "voter v2 votes for project '7', which is not in PROJECTS");
    }

    @Test
    void pointsAndVotesOfDifferentLengthAreRejected() {
        String text = META.replace("vote_type;approval", "vote_type;cumulative")
            .replace("voter_id;vote", "voter_id;vote;points") + "v1;1,2;3,2\nv2;1,2;3\n";
        assertRejected(text, 17, "voter v2 lists 2 projects but 1 points");
    }

    @Test
    void pointsBallotWithoutPointsColumnIsRejected() {
        assertRejected(withVotes("1", "2").replace("vote_type;approval", "vote_type;scoring"), 15, "'points'");
    }

    @Test
    void fractionalPointsAreRejected() {
        String text = META.replace("vote_type;approval", "vote_type;scoring")
            .replace("voter_id;vote", "voter_id;vote;points") + "v1;1;2.5\nv2;1;3.0\n";
        assertRejected(text, 16, "points '2.5', not a whole number");
    }

    @Test
    void numProjectsMismatchIsRejectedAtItsMetaLine() {
        assertRejected(withVotes("1", "2").replace("num_projects;3", "num_projects;4"), 4,
            "num_projects is 4 but the file has 3 projects");
    }

    @Test
    void numVotesMismatchIsRejectedAtItsMetaLine() {
        assertRejected(META + "v1;1\n", 5, "num_votes is 2 but the file has 1 ballots");
    }

    @Test
    void rowWithTooManyCellsIsRejected() {
        assertRejected(withVotes("1", "2").replace("1;40;2;first", "1;40;2;first;extra"), 11, "5 cells");
    }

    @Test
    void duplicateProjectIdIsRejected() {
        assertRejected(withVotes("1", "2").replace("10;30;1;third", "1;30;1;third"), 13, "'1' appears twice");
    }

    @Test
    void duplicateVoterIdIsRejected() {
        assertRejected(META + "v1;1\nv1;2\n", 17, "voter_id 'v1' appears twice");
    }

    @Test
    void unclosedQuoteIsRejectedWhereItOpens() {
        assertRejected(withVotes("1", "2").replace("2;60;1;second", "2;60;1;\"second"), 12, "never closed");
    }

    @Test
    void textAfterAClosingQuoteIsRejected() {
        assertRejected(withVotes("1", "2").replace("2;60;1;second", "2;60;1;\"sec\"ond"), 12, "after a closing quote");
    }

    @Test
    void choiceOfTwoProjectsOnAChooseOneBallotIsRejected() {
        assertRejected(withVotes("1", "1,2").replace("vote_type;approval", "vote_type;choose-1"), 17, "choose-1");
    }

    private static void assertRejected(String text, int line, String problem) {
        assertThatThrownBy(() -> read(text))
            .isInstanceOf(PabulibFormatException.class)
            .hasMessageStartingWith("test.pb line " + line + ": ")
            .hasMessageContaining(problem)
            .satisfies(e -> assertThat(((PabulibFormatException) e).line()).isEqualTo(line));
    }
}
