package org.baraza.pb;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pabulib {@code .pb} file into an {@link Election}, exactly as
 * {@code shared/specs/pabulib/pabulib-format.md} describes; anything malformed raises a
 * {@link PabulibFormatException} naming the line.
 *
 * <p>Limits against hostile files, checked while streaming so a refusal comes early and cheap:
 * at most {@link #MAX_BALLOTS} ballots and {@link #MAX_PROJECTS} projects; amounts (budget, costs)
 * of at most {@link #MAX_AMOUNT_DIGITS} digits before and after the decimal point; and
 * {@link CsvRecords}' caps on the length of a line and of the file. Quoted file content in a message
 * is cut to {@link #MAX_QUOTED} characters with its control characters escaped.
 */
public final class PabulibReader {

    private static final String MISSING = "none";

    /**
     * Most ballots read: one million (system property {@code baraza.pb.maxBallots}), more than any
     * city's vote so far; a million short ballots fit a 256 MB heap, many more would not.
     */
    static final long MAX_BALLOTS = Long.getLong("baraza.pb.maxBallots", 1_000_000L);

    /** Most projects read: 100,000 (system property {@code baraza.pb.maxProjects}). */
    static final long MAX_PROJECTS = Long.getLong("baraza.pb.maxProjects", 100_000L);

    /** Most digits of an amount on either side of the decimal point: 1E+400 is fine, 1E+999999999 is not. */
    static final int MAX_AMOUNT_DIGITS = 1000;

    /** Longest piece of file content quoted in a message. */
    static final int MAX_QUOTED = 80;

    private final CsvRecords records;
    private final String source;

    private PabulibReader(Reader in, String source) {
        this.records = new CsvRecords(in, source);
        this.source = source;
    }

    /** Reads a UTF-8 {@code .pb} file. @throws UncheckedIOException if the file cannot be read */
    public static Election read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads {@code .pb} text; {@code sourceName} only serves the error messages. */
    public static Election read(Reader in, String sourceName) {
        return new PabulibReader(in, sourceName).election();
    }

    private Election election() {
        expectTitle(records.next(), "META", "the file is empty");
        Meta meta = readMeta();
        BigDecimal budget = amount(meta.required("budget"), "budget", meta.lineOf("budget"));
        BallotKind kind = ballotKind(meta);

        List<Project> projects = readProjects();
        meta.expectCount("num_projects", projects.size(), "projects");
        List<Ballot> ballots = readVotes(kind, projects);
        meta.expectCount("num_votes", ballots.size(), "ballots");
        return new Election(meta.values, budget, kind, projects, ballots);
    }

    // §2: key;value rows up to the PROJECTS title.
    private Meta readMeta() {
        List<String> header = records.next();
        if (header == null || header.size() != 2
            || !header.get(0).equalsIgnoreCase("key") || !header.get(1).equalsIgnoreCase("value")) {
            throw error("META header must be 'key;value', found " + describe(header));
        }
        Meta meta = new Meta();
        while (true) {
            List<String> row = records.next();
            if (row == null) {
                throw error("section PROJECTS is missing");
            }
            if (isTitle(row, "PROJECTS")) {
                return meta;
            }
            if (isTitle(row, "VOTES")) {
                throw error("section PROJECTS is missing before VOTES");
            }
            if (row.size() != 2) {
                throw error("META row must be 'key;value' (a value containing ';' must be quoted), found "
                    + row.size() + " cells");
            }
            String key = row.get(0);
            if (key.isEmpty()) {
                throw error("META row has an empty key");
            }
            if (meta.values.containsKey(key)) {
                throw error("META key " + quote(key) + " appears twice");
            }
            meta.values.put(key, row.get(1));
            meta.lines.put(key, records.line());
        }
    }

    private BallotKind ballotKind(Meta meta) {
        String voteType = meta.required("vote_type");
        try {
            return BallotKind.ofVoteType(voteType);
        } catch (IllegalArgumentException e) {
            throw new PabulibFormatException(source, meta.lineOf("vote_type"),
                "vote_type " + quote(voteType) + " is not one of approval, choose-1, cumulative, ordinal, scoring");
        }
    }

    // §3: project_id and cost obligatory, other columns kept as attributes; "None" means missing.
    private List<Project> readProjects() {
        Header header = readHeader("PROJECTS", "project_id", "cost");
        int idColumn = header.indexOf("project_id");
        int costColumn = header.indexOf("cost");
        List<Project> projects = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (true) {
            List<String> row = records.next();
            if (row == null) {
                throw error("section VOTES is missing");
            }
            if (isTitle(row, "VOTES")) {
                return projects;
            }
            if (projects.size() >= MAX_PROJECTS) {
                throw error("more than " + MAX_PROJECTS + " projects (the limit of this reader)");
            }
            header.expectWidth(row);
            String id = row.get(idColumn);
            if (id.isEmpty() || isMissing(id)) {
                throw error("project_id is empty");
            }
            if (id.indexOf(',') >= 0) {
                throw error("project_id " + quote(id) + " contains ',', which separates the ids of a vote");
            }
            if (!ids.add(id)) {
                throw error("project_id " + quote(id) + " appears twice");
            }
            BigDecimal cost = amount(row.get(costColumn), "cost of project " + shown(id), records.line());
            Map<String, String> attributes = new HashMap<>();
            for (int column = 0; column < row.size(); column++) {
                String value = row.get(column);
                if (column != idColumn && column != costColumn && !isMissing(value)) {
                    attributes.put(header.names.get(column), value);
                }
            }
            projects.add(new Project(id, cost, attributes));
        }
    }

    // §4: one voter per row, empty ballots included.
    private List<Ballot> readVotes(BallotKind kind, List<Project> projects) {
        Header header = readHeader("VOTES", "voter_id", "vote");
        int voterColumn = header.indexOf("voter_id");
        int voteColumn = header.indexOf("vote");
        int pointsColumn = header.indexOf("points");
        if (kind.hasPoints() && pointsColumn < 0) {
            throw new PabulibFormatException(source, header.line,
                "VOTES header lacks a 'points' column, required for vote_type " + kind.voteType());
        }
        // Canonical id instances: every ballot then shares the project's own String.
        Map<String, String> knownIds = new HashMap<>(projects.size() * 2);
        for (Project project : projects) {
            knownIds.put(project.id(), project.id());
        }
        List<Ballot> ballots = new ArrayList<>();
        Set<String> voterIds = new HashSet<>();
        BallotListing listing = new BallotListing();
        while (true) {
            List<String> row = records.next();
            if (row == null) {
                return ballots;
            }
            if (isTitle(row, "META") || isTitle(row, "PROJECTS") || isTitle(row, "VOTES")) {
                throw error("section " + row.get(0) + " after VOTES: one election per file");
            }
            if (ballots.size() >= MAX_BALLOTS) {
                throw error("more than " + MAX_BALLOTS + " ballots (the limit of this reader)");
            }
            header.expectWidth(row);
            String voterId = row.get(voterColumn);
            if (voterId.isEmpty() || isMissing(voterId)) {
                throw error("voter_id is empty");
            }
            if (!voterIds.add(voterId)) {
                throw error("voter_id " + quote(voterId) + " appears twice");
            }
            listing.clear();
            List<String> ids = listItems(row.get(voteColumn));
            List<String> points = kind.hasPoints() ? listItems(row.get(pointsColumn)) : List.of();
            if (kind.hasPoints() && points.size() != ids.size()) {
                throw error("voter " + shown(voterId) + " lists " + ids.size() + " projects but "
                    + points.size() + " points");
            }
            for (int i = 0; i < ids.size(); i++) {
                String id = knownIds.get(ids.get(i));
                if (id == null) {
                    throw error("voter " + shown(voterId) + " votes for project " + quote(ids.get(i))
                        + ", which is not in PROJECTS");
                }
                listing.add(id, kind.hasPoints() ? points(points.get(i), voterId) : null);
            }
            Ballot ballot = listing.toBallot(voterId);
            // §4: a choose-1 ballot names exactly one project (or none: empty ballots are legal).
            if (kind == BallotKind.CHOOSE_ONE && ballot.projects().size() > 1) {
                throw error("voter " + shown(voterId) + " chooses " + ballot.projects().size()
                    + " projects on a choose-1 ballot");
            }
            ballots.add(ballot);
        }
    }

    private Header readHeader(String section, String... obligatory) {
        List<String> names = records.next();
        if (names == null || isTitle(names, "VOTES")) {
            throw error(section + " header line is missing");
        }
        Header header = new Header(names, records.line());
        for (String column : obligatory) {
            if (header.indexOf(column) < 0) {
                throw error(section + " header lacks the obligatory column '" + column + "', found "
                    + describe(names));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isEmpty()) {
                throw error(section + " header has an empty column name");
            }
            if (!seen.add(name)) {
                throw error(section + " header names column " + quote(name) + " twice");
            }
        }
        return header;
    }

    /** A comma-separated list cell (§1): items trimmed, empty items dropped; "None" or "" is empty. */
    private static List<String> listItems(String cell) {
        if (cell.isEmpty() || isMissing(cell)) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        int start = 0;
        while (start <= cell.length()) {
            int comma = cell.indexOf(',', start);
            int end = comma < 0 ? cell.length() : comma;
            String item = cell.substring(start, end).strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
            start = end + 1;
        }
        return items;
    }

    /** Budget and costs are exact decimals; a decimal comma is accepted as pabutools does (§6.2). */
    private BigDecimal amount(String text, String what, int line) {
        // Parsing is superlinear in the length: refuse absurd text before parsing it.
        if (text.length() > 2 * MAX_AMOUNT_DIGITS + 16) {
            throw new PabulibFormatException(source, line, what + " " + quote(text) + " has more than "
                + MAX_AMOUNT_DIGITS + " digits (the limit of this reader)");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new PabulibFormatException(source, line, what + " " + quote(text) + " is not a number");
        }
        if (value.signum() < 0) {
            throw new PabulibFormatException(source, line, what + " " + quote(text) + " is negative");
        }
        // Digits before the point (precision - scale) and after it (scale); as longs, the scale may be near +-2^31.
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_AMOUNT_DIGITS || value.scale() > MAX_AMOUNT_DIGITS) {
            throw new PabulibFormatException(source, line, what + " " + quote(text) + " has more than "
                + MAX_AMOUNT_DIGITS + " digits before or after the decimal point (the limit of this reader)");
        }
        // "1E+3" has a negative scale; keep amounts in plain form so they write back as read.
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private long points(String text, String voterId) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notAnInteger) {
            try {
                // "3.0" is a whole number written as a decimal; Ballot keeps whole points only.
                return new BigDecimal(text.replace(',', '.')).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw error("voter " + shown(voterId) + " gives points " + quote(text) + ", not a whole number");
            }
        }
    }

    private void expectTitle(List<String> row, String title, String whenMissing) {
        if (row == null) {
            throw error(whenMissing);
        }
        if (!isTitle(row, title)) {
            throw error("expected section title " + title + ", found " + describe(row));
        }
    }

    private static boolean isTitle(List<String> row, String title) {
        return row.size() == 1 && row.get(0).equalsIgnoreCase(title);
    }

    // §1: pabutools reads the literal None (any case) as a missing value.
    private static boolean isMissing(String cell) {
        return cell.length() == 4 && cell.toLowerCase(Locale.ROOT).equals(MISSING);
    }

    private static String describe(List<String> row) {
        return row == null ? "end of file" : quote(String.join(";", row));
    }

    /** File content as a message quotes it: {@link #shown} in single quotes. */
    static String quote(String text) {
        return "'" + shown(text) + "'";
    }

    /**
     * File content as a message shows it: control, format and line-separator characters escaped as
     * {@code \\uXXXX} (no NUL, ESC or line break reaches a terminal), cut to {@link #MAX_QUOTED}
     * characters with an ellipsis.
     */
    static String shown(String text) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (shown.length() >= MAX_QUOTED && !Character.isLowSurrogate(c)) {
                return shown.append('\u2026').toString();
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    private PabulibFormatException error(String problem) {
        return new PabulibFormatException(source, Math.max(1, records.line()), problem);
    }

    /** The META section, remembering where each key was written for error messages. */
    private final class Meta {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Integer> lines = new HashMap<>();

        String required(String key) {
            String value = values.get(key);
            if (value == null || value.isEmpty() || isMissing(value)) {
                throw new PabulibFormatException(source, lines.getOrDefault(key, 1),
                    "META lacks the obligatory key " + quote(key));
            }
            return value;
        }

        int lineOf(String key) {
            return lines.getOrDefault(key, 1);
        }

        // §2: num_projects / num_votes must equal the number of rows when given.
        void expectCount(String key, int actual, String what) {
            String declared = values.get(key);
            if (declared == null || isMissing(declared)) {
                return;
            }
            long count;
            try {
                count = Long.parseLong(declared);
            } catch (NumberFormatException e) {
                throw new PabulibFormatException(source, lineOf(key),
                    key + " " + quote(declared) + " is not a whole number");
            }
            if (count != actual) {
                throw new PabulibFormatException(source, lineOf(key),
                    key + " is " + declared + " but the file has " + actual + " " + what);
            }
        }
    }

    /** A section's column names. */
    private final class Header {
        final List<String> names;
        final int line;

        Header(List<String> names, int line) {
            this.names = names;
            this.line = line;
        }

        int indexOf(String column) {
            return names.indexOf(column);
        }

        void expectWidth(List<String> row) {
            if (row.size() != names.size()) {
                throw error("row has " + row.size() + " cells but the header has " + names.size()
                    + " (a cell containing ';' must be quoted)");
            }
        }
    }
}
