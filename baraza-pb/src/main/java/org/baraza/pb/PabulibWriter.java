package org.baraza.pb;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes an {@link Election} as a pabulib {@code .pb} file (pabulib-format.md): UTF-8, LF, {@code ;}
 * separated, quoted where needed, so that {@link PabulibReader} reads back an equal election.
 * Voter columns other than {@code voter_id}, {@code vote} and {@code points} are not kept by the model.
 */
public final class PabulibWriter {

    // The usual pabulib column order for the columns it knows; any others follow by name.
    private static final List<String> KNOWN_PROJECT_COLUMNS = List.of(
        "votes", "score", "name", "category", "target", "beneficiaries", "selected");

    private final Writer out;

    private PabulibWriter(Writer out) {
        this.out = out;
    }

    /** Writes the election to a file, replacing it. */
    public static void write(Election election, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(election, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes the election as {@code .pb} text; the writer is flushed, not closed. */
    public static void write(Election election, Writer out) {
        PabulibWriter writer = new PabulibWriter(out);
        try {
            writer.meta(election);
            writer.projects(election);
            writer.votes(election);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the election", e);
        }
    }

    /** The election as {@code .pb} text. */
    public static String toText(Election election) {
        StringWriter text = new StringWriter();
        write(election, text);
        return text.toString();
    }

    private void meta(Election election) throws IOException {
        // META is kept as read, except that the keys the reader checks must agree with the election.
        Map<String, String> meta = new LinkedHashMap<>(election.meta());
        String budget = meta.get("budget");
        if (budget == null || !sameAmount(budget, election.budget())) {
            meta.put("budget", election.budget().toPlainString());
        }
        meta.put("vote_type", agreeing(meta.get("vote_type"), election.kind().voteType()));
        meta.put("num_projects", agreeing(meta.get("num_projects"), String.valueOf(election.projects().size())));
        meta.put("num_votes", agreeing(meta.get("num_votes"), String.valueOf(election.ballots().size())));
        line("META");
        line("key", "value");
        for (Map.Entry<String, String> entry : meta.entrySet()) {
            line(entry.getKey(), entry.getValue());
        }
    }

    private void projects(Election election) throws IOException {
        List<String> columns = projectColumns(election.projects());
        List<String> header = new ArrayList<>(List.of("project_id", "cost"));
        header.addAll(columns);
        line("PROJECTS");
        line(header.toArray(String[]::new));
        for (Project project : election.projects()) {
            String[] cells = new String[header.size()];
            cells[0] = project.id();
            cells[1] = project.cost().toPlainString();
            for (int i = 0; i < columns.size(); i++) {
                String value = project.attribute(columns.get(i));
                // §1: pabutools writes None for an absent value, and reads it back as absent.
                cells[i + 2] = value == null ? "None" : value;
            }
            line(cells);
        }
    }

    private void votes(Election election) throws IOException {
        boolean withPoints = election.kind().hasPoints();
        line("VOTES");
        if (withPoints) {
            line("voter_id", "vote", "points");
        } else {
            line("voter_id", "vote");
        }
        for (Ballot ballot : election.ballots()) {
            for (String id : ballot.projects()) {
                if (id.indexOf(',') >= 0) {
                    throw new IllegalArgumentException("project id '" + id + "' contains ',', which .pb votes cannot hold");
                }
            }
            String vote = String.join(",", ballot.projects());
            if (withPoints) {
                List<String> points = ballot.points().stream().map(String::valueOf).toList();
                line(ballot.voterId(), vote, String.join(",", points));
            } else {
                line(ballot.voterId(), vote);
            }
        }
    }

    private static List<String> projectColumns(List<Project> projects) {
        TreeSet<String> present = new TreeSet<>();
        for (Project project : projects) {
            present.addAll(project.attributes().keySet());
        }
        List<String> columns = new ArrayList<>();
        for (String known : KNOWN_PROJECT_COLUMNS) {
            if (present.remove(known)) {
                columns.add(known);
            }
        }
        columns.addAll(present);
        return columns;
    }

    private static boolean sameAmount(String written, BigDecimal amount) {
        try {
            return new BigDecimal(written.trim().replace(',', '.')).compareTo(amount) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String agreeing(String written, String actual) {
        return written != null && written.trim().equalsIgnoreCase(actual) ? written : actual;
    }

    private void line(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(quoted(cells[i]));
        }
        out.write('\n');
    }

    /** RFC 4180 quoting: only cells holding a separator, a quote or a line break are quoted. */
    static String quoted(String cell) {
        boolean needsQuotes = false;
        for (int i = 0; i < cell.length() && !needsQuotes; i++) {
            char c = cell.charAt(i);
            needsQuotes = c == ';' || c == '"' || c == '\n' || c == '\r';
        }
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
