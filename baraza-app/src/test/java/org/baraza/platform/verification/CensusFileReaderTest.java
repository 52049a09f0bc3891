package org.baraza.platform.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.baraza.platform.verification.CensusProblem.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CensusFileReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final List<CensusRow> rows = new ArrayList<>();
    private final CensusProblems problems = new CensusProblems();

    private void read(byte[] file) throws IOException {
        new CensusFileReader(Set.of("north", "south"), 1_000, 1_000_000, TODAY)
            .read(new ByteArrayInputStream(file), rows::add, problems);
    }

    private void read(String file) throws IOException {
        read(file.getBytes(StandardCharsets.UTF_8));
    }

    private CensusProblem onlyProblem() {
        assertThat(problems.total()).as("problems: %s", problems.first()).isEqualTo(1);
        return problems.first().get(0);
    }

    @Test
    void readsCommaSeparatedRowsWithTheirLines() throws IOException {
        read("document_number,birth_date,district\nAB123,1990-04-25,north\n\nCD 456,2001-12-31,south\n");
        assertThat(problems.isEmpty()).isTrue();
        assertThat(rows).extracting(CensusRow::line).containsExactly(2L, 4L);
        assertThat(rows.get(1).document()).isEqualTo(DocumentNumber.parse("CD456").number());
        assertThat(rows.get(1).birthDate()).isEqualTo(LocalDate.of(2001, 12, 31));
        assertThat(rows.get(1).districtCode()).isEqualTo("south");
    }

    @Test
    void readsSemicolonsCrlfByteOrderMarkQuotesAndColumnsInAnyOrder() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "District;Birth Date;Document_Number\r\n\"north\";1990-04-25;\"AB;123\"\r\nsouth;1980-01-01;X1\r\n"
            .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(text, 0, file, bom.length, text.length);
        read(file);
        // "AB;123": the ; inside quotes is not a separator, and is refused as a character of the number
        assertThat(onlyProblem()).isEqualTo(CensusProblem.inColumn(2, Kind.DOCUMENT_CHARACTERS, "document_number"));
        assertThat(rows).extracting(CensusRow::districtCode).containsExactly("south");
    }

    @Test
    void badDateIsReportedAtItsLine() throws IOException {
        read("document_number,birth_date,district\nA1,1990-04-25,north\nA2,1990-02-30,north\nA3,25/04/1990,north\nA4,2099-01-01,north\n");
        assertThat(problems.first()).extracting(CensusProblem::line, CensusProblem::kind)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, Kind.BAD_DATE), org.assertj.core.groups.Tuple.tuple(4L, Kind.BAD_DATE),
                org.assertj.core.groups.Tuple.tuple(5L, Kind.BAD_DATE));
    }

    @Test
    void unknownDistrictIsReportedAtItsLine() throws IOException {
        read("document_number,birth_date,district\nA1,1990-04-25,north\nA2,1990-04-25,atlantis\n");
        assertThat(onlyProblem()).isEqualTo(CensusProblem.inColumn(3, Kind.UNKNOWN_DISTRICT, "district"));
    }

    @Test
    void emptyAndOverlongDocumentNumbersAreReported() throws IOException {
        read("document_number,birth_date,district\n,1990-04-25,north\n" + "9".repeat(41) + ",1990-04-25,north\n");
        assertThat(problems.first()).containsExactly(
            CensusProblem.inColumn(2, Kind.EMPTY_VALUE, "document_number"),
            CensusProblem.inColumn(3, Kind.DOCUMENT_TOO_LONG, "document_number"));
    }

    @Test
    void brokenUtf8IsReportedAtItsLineAndTheRestIsStillRead() throws IOException {
        byte[] head = "document_number,birth_date,district\nA1,1990-04-25,north\nA2,1990-04-25,no".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {(byte) 0xC3, (byte) 0x28};
        byte[] tail = "rth\nA3,1990-04-25,atlantis\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + broken.length + tail.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(broken, 0, file, head.length, broken.length);
        System.arraycopy(tail, 0, file, head.length + broken.length, tail.length);
        read(file);
        assertThat(problems.first()).containsExactly(CensusProblem.atLine(3, Kind.NOT_UTF8),
            CensusProblem.inColumn(4, Kind.UNKNOWN_DISTRICT, "district"));
    }

    @Test
    void utf16IsRefusedAsSuch() throws IOException {
        byte[] text = "document_number,birth_date,district\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[text.length + 2];
        file[0] = (byte) 0xFF;
        file[1] = (byte) 0xFE;
        System.arraycopy(text, 0, file, 2, text.length);
        read(file);
        assertThat(onlyProblem().kind()).isEqualTo(Kind.NOT_UTF8_UTF16);
    }

    @Test
    void formulaCellsAreRefusedWhateverTheColumn() throws IOException {
        read("""
            document_number,birth_date,district
            =HYPERLINK("http://evil.example"),1990-04-25,north
            +A1,1990-04-25,north
            A3,1990-04-25,@SUM(A1)
            " -2+3",1990-04-25,north
            A5,1990-04-25,north
            """);
        assertThat(problems.first()).containsExactly(
            CensusProblem.inColumn(2, Kind.FORMULA, "document_number"),
            CensusProblem.inColumn(3, Kind.FORMULA, "document_number"),
            CensusProblem.inColumn(4, Kind.FORMULA, "district"),
            CensusProblem.inColumn(5, Kind.FORMULA, "document_number"));
        assertThat(rows).hasSize(1);
    }

    @Test
    void wrongColumnCountIsReportedWithTheCountFound() throws IOException {
        read("document_number,birth_date,district\nA1,1990-04-25\nA2,1990-04-25,north,extra\n");
        assertThat(problems.first()).containsExactly(
            new CensusProblem(2, Kind.WRONG_COLUMN_COUNT, null, 2),
            new CensusProblem(3, Kind.WRONG_COLUMN_COUNT, null, 4));
    }

    @Test
    void headerMustNameExactlyTheThreeColumns() throws IOException {
        read("document_number,name,district\nA1,Jane,north\n");
        assertThat(problems.first()).containsExactly(
            new CensusProblem(1, Kind.UNKNOWN_COLUMN, null, 2),
            CensusProblem.inColumn(1, Kind.MISSING_COLUMN, "birth_date"));
        assertThat(rows).isEmpty();
    }

    @Test
    void emptyFileAndHeaderOnlyAreRefused() throws IOException {
        read("");
        assertThat(onlyProblem().kind()).isEqualTo(Kind.FILE_EMPTY);
    }

    @Test
    void headerWithoutRowsIsRefused() throws IOException {
        read("document_number,birth_date,district\n\n");
        assertThat(onlyProblem().kind()).isEqualTo(Kind.NO_ROWS);
    }

    @Test
    void aLineWithoutEndIsFlaggedWithoutFillingTheMemory() throws IOException {
        read("document_number,birth_date,district\n" + "A".repeat(500_000) + "\nA2,1990-04-25,north\n");
        assertThat(onlyProblem()).isEqualTo(CensusProblem.atLine(2, Kind.LINE_TOO_LONG));
        assertThat(rows).hasSize(1);
    }

    @Test
    void readingStopsPastTheSizeLimit() throws IOException {
        read("document_number,birth_date,district\n" + "A".repeat(3_000_000));
        assertThat(onlyProblem()).isEqualTo(new CensusProblem(0, Kind.FILE_TOO_LARGE, null, 1_000_000));
    }

    @Test
    void unclosedQuoteIsReported() throws IOException {
        read("document_number,birth_date,district\n\"A1,1990-04-25,north\n");
        assertThat(onlyProblem()).isEqualTo(CensusProblem.atLine(2, Kind.UNCLOSED_QUOTE));
    }

    @Test
    void rowsOverTheLimitStopTheReading() throws IOException {
        StringBuilder file = new StringBuilder("document_number,birth_date,district\n");
        for (int i = 0; i < 1_001; i++) {
            file.append("A").append(i).append(",1990-04-25,north\n");
        }
        read(file.toString());
        assertThat(onlyProblem()).isEqualTo(new CensusProblem(1_002, Kind.TOO_MANY_ROWS, null, 1_000));
    }

    @Test
    void onlyTheFirstProblemsAreKeptButAllAreCounted() throws IOException {
        StringBuilder file = new StringBuilder("document_number,birth_date,district\n");
        for (int i = 0; i < 500; i++) {
            file.append("A").append(i).append(",not-a-date,north\n");
        }
        read(file.toString());
        assertThat(problems.total()).isEqualTo(500);
        assertThat(problems.first()).hasSize(CensusProblems.SHOWN);
        assertThat(problems.first().get(0).line()).isEqualTo(2);
        assertThat(problems.first().get(CensusProblems.SHOWN - 1).line()).isEqualTo(CensusProblems.SHOWN + 1);
    }
}
