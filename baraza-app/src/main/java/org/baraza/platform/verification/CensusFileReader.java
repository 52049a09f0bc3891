package org.baraza.platform.verification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.baraza.platform.verification.CensusProblem.Kind;

/**
 * Reads a census file as a stream, line by line, never holding more than one line: a header naming the
 * columns {@code document_number}, {@code birth_date} (ISO yyyy-mm-dd) and {@code district} (a district
 * code), in any order, separated by {@code ,} or {@code ;}; cells may be quoted as in RFC 4180 but may
 * not span lines. UTF-8 only, with or without a byte-order mark; each line is decoded on its own, so a
 * broken byte is reported at its line. Valid rows go to the sink, problems to the report; the caller
 * imports nothing unless there is no problem at all.
 */
final class CensusFileReader {

    static final String DOCUMENT = "document_number";
    static final String BIRTH_DATE = "birth_date";
    static final String DISTRICT = "district";

    /** A census line is three short cells; anything much longer is not a census line. */
    static final int MAX_LINE_BYTES = 1024;
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1880, 1, 1);

    private static final Map<String, String> COLUMN_NAMES = Map.of(
        "document_number", DOCUMENT, "document", DOCUMENT, "document_no", DOCUMENT, "id_number", DOCUMENT,
        "birth_date", BIRTH_DATE, "date_of_birth", BIRTH_DATE, "birthdate", BIRTH_DATE,
        "district", DISTRICT, "district_code", DISTRICT);

    private final Set<String> districtCodes;
    private final long maxRows;
    private final long maxBytes;
    private final LocalDate today;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    CensusFileReader(Set<String> districtCodes, long maxRows, long maxBytes, LocalDate today) {
        this.districtCodes = Set.copyOf(districtCodes);
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.today = today;
    }

    /** @return the number of valid rows given to the sink */
    long read(InputStream input, Consumer<CensusRow> rows, CensusProblems problems) throws IOException {
        Lines lines = new Lines(input, maxBytes);
        byte[] header = lines.next();
        if (lines.overLimit) {
            problems.add(new CensusProblem(0, Kind.FILE_TOO_LARGE, null, maxBytes));
            return 0;
        }
        if (header == null) {
            problems.add(CensusProblem.atLine(0, Kind.FILE_EMPTY));
            return 0;
        }
        if (startsWith(header, lines.length, 0xFF, 0xFE) || startsWith(header, lines.length, 0xFE, 0xFF)) {
            problems.add(CensusProblem.atLine(0, Kind.NOT_UTF8_UTF16));
            return 0;
        }
        int offset = startsWith(header, lines.length, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        if (lines.tooLong) {
            problems.add(CensusProblem.atLine(1, Kind.LINE_TOO_LONG));
            return 0;
        }
        String headerText = decode(header, offset, lines.length - offset);
        if (headerText == null) {
            problems.add(CensusProblem.atLine(1, Kind.NOT_UTF8));
            return 0;
        }
        char separator = headerText.indexOf(';') >= 0 ? ';' : ',';
        int[] positions = columns(headerText, separator, problems);
        if (positions == null) {
            return 0;
        }
        long rowCount = 0;
        long valid = 0;
        byte[] bytes;
        while ((bytes = lines.next()) != null) {
            long line = lines.number;
            if (lines.tooLong) {
                rowCount++;
                problems.add(CensusProblem.atLine(line, Kind.LINE_TOO_LONG));
                continue;
            }
            String text = decode(bytes, 0, lines.length);
            if (text == null) {
                rowCount++;
                problems.add(CensusProblem.atLine(line, Kind.NOT_UTF8));
                continue;
            }
            if (text.isBlank()) {
                continue;
            }
            if (++rowCount > maxRows) {
                problems.add(new CensusProblem(line, Kind.TOO_MANY_ROWS, null, maxRows));
                return valid;
            }
            CensusRow row = row(line, text, separator, positions, problems);
            if (row != null) {
                rows.accept(row);
                valid++;
            }
        }
        if (lines.overLimit) {
            problems.add(new CensusProblem(0, Kind.FILE_TOO_LARGE, null, maxBytes));
        } else if (rowCount == 0) {
            problems.add(CensusProblem.atLine(0, Kind.NO_ROWS));
        }
        return valid;
    }

    /** Where each column is: {@code [document, birth date, district]}, or null after reporting what is wrong. */
    private static int[] columns(String header, char separator, CensusProblems problems) {
        List<String> cells = cells(header, separator);
        if (cells == null) {
            problems.add(CensusProblem.atLine(1, Kind.UNCLOSED_QUOTE));
            return null;
        }
        int[] positions = {-1, -1, -1};
        boolean ok = true;
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            String column = COLUMN_NAMES.get(name);
            if (column == null) {
                problems.add(new CensusProblem(1, Kind.UNKNOWN_COLUMN, null, i + 1));
                ok = false;
                continue;
            }
            int index = column.equals(DOCUMENT) ? 0 : column.equals(BIRTH_DATE) ? 1 : 2;
            if (positions[index] >= 0) {
                problems.add(CensusProblem.inColumn(1, Kind.REPEATED_COLUMN, column));
                ok = false;
            }
            positions[index] = i;
        }
        String[] names = {DOCUMENT, BIRTH_DATE, DISTRICT};
        for (int index = 0; index < 3; index++) {
            if (positions[index] < 0) {
                problems.add(CensusProblem.inColumn(1, Kind.MISSING_COLUMN, names[index]));
                ok = false;
            }
        }
        return ok ? positions : null;
    }

    private CensusRow row(long line, String text, char separator, int[] positions, CensusProblems problems) {
        List<String> cells = cells(text, separator);
        if (cells == null) {
            problems.add(CensusProblem.atLine(line, Kind.UNCLOSED_QUOTE));
            return null;
        }
        if (cells.size() != 3) {
            problems.add(new CensusProblem(line, Kind.WRONG_COLUMN_COUNT, null, cells.size()));
            return null;
        }
        boolean ok = true;
        String[] names = {DOCUMENT, BIRTH_DATE, DISTRICT};
        String[] values = new String[3];
        for (int index = 0; index < 3; index++) {
            String raw = cells.get(positions[index]);
            if (isFormula(raw)) {
                problems.add(CensusProblem.inColumn(line, Kind.FORMULA, names[index]));
                ok = false;
            } else if (raw.isBlank()) {
                problems.add(CensusProblem.inColumn(line, Kind.EMPTY_VALUE, names[index]));
                ok = false;
            } else {
                values[index] = raw.strip();
            }
        }
        DocumentNumber document = null;
        if (values[0] != null) {
            DocumentNumber.Parsed parsed = DocumentNumber.parse(values[0]);
            document = parsed.number();
            if (parsed.problem() != null) {
                Kind kind = switch (parsed.problem()) {
                    case EMPTY -> Kind.EMPTY_VALUE;
                    case TOO_LONG -> Kind.DOCUMENT_TOO_LONG;
                    case NOT_LETTERS_AND_DIGITS -> Kind.DOCUMENT_CHARACTERS;
                };
                problems.add(CensusProblem.inColumn(line, kind, DOCUMENT));
                ok = false;
            }
        }
        LocalDate birthDate = null;
        if (values[1] != null) {
            birthDate = birthDate(values[1]);
            if (birthDate == null) {
                problems.add(CensusProblem.inColumn(line, Kind.BAD_DATE, BIRTH_DATE));
                ok = false;
            }
        }
        if (values[2] != null && !districtCodes.contains(values[2])) {
            problems.add(CensusProblem.inColumn(line, Kind.UNKNOWN_DISTRICT, DISTRICT));
            ok = false;
        }
        return ok ? new CensusRow(line, document, birthDate, values[2]) : null;
    }

    /** A real ISO date (yyyy-mm-dd, no 30 February), not in the future nor implausibly old. */
    LocalDate birthDate(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return date.isAfter(today) || date.isBefore(EARLIEST_BIRTH_DATE) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): it starts with =, +, -, @,
     * or a tab or carriage return. Such a cell is refused, whatever follows.
     */
    static boolean isFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r') {
            return true;
        }
        String stripped = cell.stripLeading();
        if (stripped.isEmpty()) {
            return false;
        }
        char c = stripped.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@';
    }

    /** Splits a line into cells, RFC 4180 quoting; null if a quote is left open. */
    static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>(4);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && !wasQuoted && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }

    private String decode(byte[] bytes, int offset, int length) {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file's lines as bytes, without their LF or CRLF. Splitting bytes at LF is safe in UTF-8 (no
     * multi-byte sequence contains 0x0A). A line longer than {@link #MAX_LINE_BYTES} is skipped to its end
     * and flagged, so a file without newlines cannot fill the memory; reading stops for good past
     * {@code maxBytes}, so an endless upload cannot hold the reader either.
     */
    private static final class Lines {
        private final InputStream input;
        private final long maxBytes;
        boolean overLimit;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private final byte[] line = new byte[MAX_LINE_BYTES];
        int length;
        boolean tooLong;
        long number;
        long bytesRead;

        Lines(InputStream input, long maxBytes) {
            this.input = input;
            this.maxBytes = maxBytes;
        }

        /** The next line (valid up to {@link #length}; the array is reused), or null at the end. */
        byte[] next() throws IOException {
            length = 0;
            tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    if (bytesRead > maxBytes) {
                        overLimit = true;
                        return null;
                    }
                    limit = input.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                    bytesRead += limit;
                }
                any = true;
                byte b = buffer[position++];
                if (b == '\n') {
                    break;
                }
                if (length < MAX_LINE_BYTES) {
                    line[length++] = b;
                } else {
                    tooLong = true;
                }
            }
            number++;
            if (!tooLong && length > 0 && line[length - 1] == '\r') {
                length--;
            }
            return line;
        }
    }
}
