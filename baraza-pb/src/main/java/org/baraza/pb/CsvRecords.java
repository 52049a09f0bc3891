package org.baraza.pb;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the records of a pabulib file: {@code ;}-separated, {@code "}-quoted with {@code ""} as an
 * escaped quote (RFC 4180, pabulib-format.md §1), LF or CRLF, a leading BOM tolerated, every cell
 * trimmed, empty lines skipped. A quoted cell may span lines; each record knows the line it starts on.
 *
 * <p>Hostile input is bounded while streaming: a record (one line, or a quoted cell spanning lines)
 * longer than {@link #MAX_RECORD_CHARS} characters, or a whole input longer than
 * {@link #MAX_INPUT_CHARS} characters, is refused with a {@link PabulibFormatException} naming the
 * line, before it can fill the heap. Both are checked each time the 64 K buffer is refilled.
 */
final class CsvRecords {

    private static final char SEPARATOR = ';';
    private static final char QUOTE = '"';
    private static final char BOM = '\uFEFF';

    /**
     * Longest record accepted: 32 Mi characters (system property {@code baraza.pb.maxLineChars}).
     * Far beyond any real project description; small enough that a 256 MB heap survives it.
     */
    static final long MAX_RECORD_CHARS = Long.getLong("baraza.pb.maxLineChars", 32L << 20);

    /** Longest input accepted: 256 Mi characters (system property {@code baraza.pb.maxFileChars}). */
    static final long MAX_INPUT_CHARS = Long.getLong("baraza.pb.maxFileChars", 256L << 20);

    private final Reader in;
    private final String source;
    private final char[] buffer = new char[1 << 16];
    private int length;
    private int at;
    private int line = 1;
    private int recordLine;
    /** Characters consumed before the current buffer; {@code consumedBefore + at} is the position. */
    private long consumedBefore;
    private long recordStart;
    private boolean started;
    private final StringBuilder cell = new StringBuilder(64);

    CsvRecords(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The line on which the record last returned by {@link #next()} starts. */
    int line() {
        return recordLine;
    }

    /** The next non-empty record as trimmed cells, or null at the end of the input. */
    List<String> next() {
        while (true) {
            recordStart = consumedBefore + at;
            if (peek() < 0) {
                return null;
            }
            List<String> record = readRecord();
            if (!(record.size() == 1 && record.get(0).isEmpty())) {
                return record;
            }
        }
    }

    private List<String> readRecord() {
        recordLine = line;
        recordStart = consumedBefore + at;
        List<String> cells = new ArrayList<>(8);
        while (true) {
            cells.add(readCell());
            int c = read();
            if (c == SEPARATOR) {
                continue;
            }
            // readCell stops only before a separator, a line end or the end of input.
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c == '\r' || c == '\n') {
                line++;
            }
            return cells;
        }
    }

    /** Reads one cell, leaving the separator or line end that ends it unread. */
    private String readCell() {
        cell.setLength(0);
        skipBlanks();
        if (peek() == QUOTE) {
            read();
            readQuoted();
            skipBlanks();
            int after = peek();
            if (after >= 0 && after != SEPARATOR && after != '\r' && after != '\n') {
                throw new PabulibFormatException(source, line,
                    "unexpected '" + (char) after + "' after a closing quote (a quote inside a quoted cell must be doubled)");
            }
            return cell.toString().strip();
        }
        int start = at;
        // Fast path: an unquoted cell lying wholly inside the buffer is cut out without copying char by char.
        while (at < length) {
            char c = buffer[at];
            if (c == SEPARATOR || c == '\r' || c == '\n') {
                return new String(buffer, start, at - start).strip();
            }
            at++;
        }
        cell.append(buffer, start, at - start);
        while (true) {
            int c = peek();
            if (c < 0 || c == SEPARATOR || c == '\r' || c == '\n') {
                return cell.toString().strip();
            }
            cell.append((char) read());
        }
    }

    private void readQuoted() {
        int startLine = line;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new PabulibFormatException(source, startLine, "quoted cell is never closed");
            }
            if (c == QUOTE) {
                if (peek() == QUOTE) {
                    read();
                    cell.append(QUOTE);
                    continue;
                }
                return;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            cell.append((char) c);
        }
    }

    private void skipBlanks() {
        while (true) {
            int c = peek();
            if (c != ' ' && c != '\t') {
                return;
            }
            read();
        }
    }

    private int peek() {
        if (at == length && !fill()) {
            return -1;
        }
        return buffer[at];
    }

    private int read() {
        if (at == length && !fill()) {
            return -1;
        }
        return buffer[at++];
    }

    private boolean fill() {
        consumedBefore += length;
        // Only a refill grows what a record may hold, so checking here bounds memory to one buffer more.
        if (consumedBefore - recordStart > MAX_RECORD_CHARS) {
            throw new PabulibFormatException(source, recordLine,
                "line is longer than " + MAX_RECORD_CHARS + " characters (the limit of this reader)");
        }
        if (consumedBefore > MAX_INPUT_CHARS) {
            throw new PabulibFormatException(source, line,
                "file is longer than " + MAX_INPUT_CHARS + " characters (the limit of this reader)");
        }
        try {
            length = in.read(buffer, 0, buffer.length);
        } catch (CharacterCodingException e) {
            throw new PabulibFormatException(source, line, "not valid UTF-8 text (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        at = 0;
        if (length <= 0) {
            length = 0;
            return false;
        }
        if (!started) {
            started = true;
            if (buffer[0] == BOM) {
                at = 1;
                return length > 1 || fill();
            }
        }
        return true;
    }
}
