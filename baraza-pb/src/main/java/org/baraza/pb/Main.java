package org.baraza.pb;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The command line: {@code java -jar baraza-pb.jar --rule RULE [--tie-break lexicographic|cost-then-votes] FILE.pb}
 * prints the outcome as one line of JSON ({@link OutcomeJson}); exit code 2 and one line on stderr
 * for a bad file, an unknown rule or bad arguments.
 */
public final class Main {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    private static final String USAGE =
        "usage: baraza-pb --rule RULE [--tie-break lexicographic|cost-then-votes] FILE.pb";

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs the command, writing to the given streams; returns the exit code instead of exiting. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Command command = Command.parse(args);
            if (command == null) {
                out.println(USAGE);
                out.println("rules: " + String.join(", ", Rules.names()));
                return OK;
            }
            Rule rule = Rules.named(command.rule());
            TieBreak tieBreak = command.tieBreak() != null ? TieBreak.named(command.tieBreak())
                // auto's default is the tie-breaking of pabulib's checker, whose results it reproduces.
                : rule instanceof DeclaredRule ? DeclaredRule.checkerConventions()
                : TieBreak.lexicographic();
            Election election = PabulibReader.read(command.file());
            Outcome outcome = rule.apply(election, tieBreak);
            out.println(OutcomeJson.of(command.rule(), outcome, election));
            return OK;
        } catch (PabulibFormatException | IllegalArgumentException e) {
            return fail(err, BAD_INPUT, e.getMessage());
        } catch (UncheckedIOException e) {
            String reason = e.getCause() instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getCause());
            return fail(err, BAD_INPUT, e.getMessage() + ": " + reason);
        } catch (UnbreakableTieException e) {
            // The election's fault (pabulib's checker leaves such ties open too), not the engine's.
            return fail(err, BAD_INPUT, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return fail(err, FAILURE, "internal error: " + e);
        } catch (OutOfMemoryError e) {
            // The reader's limits should prevent this; if not, the file is too big for the heap given.
            return fail(err, BAD_INPUT, "the file needs more memory than this JVM has (" + e.getMessage()
                + "); give it more with -Xmx");
        }
    }

    /** Longest message printed; the reader already cuts what it quotes from the file. */
    private static final int MAX_MESSAGE = 300;

    private static int fail(PrintStream err, int status, String message) {
        // One short line, whatever the message quotes from the file: no control character
        // (NUL, ESC, CR, LF, ...) and no line or paragraph separator reaches the terminal.
        String line = String.valueOf(message).replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ");
        if (line.length() > MAX_MESSAGE) {
            line = line.substring(0, MAX_MESSAGE) + "\u2026";
        }
        err.println("baraza-pb: " + line);
        return status;
    }

    /** The parsed arguments; {@code tieBreak} is null when not given. */
    private record Command(String rule, String tieBreak, Path file) {

        /** @return null when help was asked for */
        static Command parse(String[] args) {
            String rule = null;
            String tieBreak = null;
            String file = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return null;
                }
                if (arg.equals("--rule") || arg.equals("--tie-break")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value; " + USAGE);
                    }
                    String value = args[++i];
                    if (arg.equals("--rule")) {
                        rule = value;
                    } else {
                        tieBreak = value;
                    }
                } else if (arg.startsWith("--rule=")) {
                    rule = arg.substring("--rule=".length());
                } else if (arg.startsWith("--tie-break=")) {
                    tieBreak = arg.substring("--tie-break=".length());
                } else if (arg.startsWith("-") && arg.length() > 1) {
                    throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
                } else if (file == null) {
                    file = arg;
                } else {
                    throw new IllegalArgumentException("one file only, got " + file + " and " + arg + "; " + USAGE);
                }
            }
            if (rule == null) {
                throw new IllegalArgumentException("--rule is missing; " + USAGE);
            }
            if (file == null) {
                throw new IllegalArgumentException("the .pb file is missing; " + USAGE);
            }
            return new Command(rule, tieBreak, Path.of(file));
        }
    }
}
