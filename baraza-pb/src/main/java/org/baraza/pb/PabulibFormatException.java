package org.baraza.pb;

/**
 * A {@code .pb} file that breaks the pabulib format: the message names the source, the line and
 * the problem, e.g. {@code Warszawa.pb line 12: cost 'abc' of project 7 is not a number}.
 */
public class PabulibFormatException extends RuntimeException {

    private final String source;
    private final int line;
    private final String problem;

    public PabulibFormatException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The file (or other source name) being read. */
    public String source() {
        return source;
    }

    /** The 1-based line at which the faulty record starts. */
    public int line() {
        return line;
    }

    /** What is wrong, without the source and line. */
    public String problem() {
        return problem;
    }
}
