package org.baraza.participation.proposals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;

/**
 * What a visitor asked the proposals list for: words to search, filters, an order and a page.
 *
 * @param words the search words, at most {@link #MAX_WORDS}; empty for no search
 * @param seed the visitor's own random order (see {@link VisitorSeed})
 */
record ProposalQuery(OrganizationId organization, ProcessId process, List<String> words, Long categoryId,
                     String districtCode, StatusFilter status, Sort sort, long seed, int page, int size) {

    static final int MAX_TEXT = 200;
    static final int MAX_WORDS = 8;
    static final int MAX_WORD = 60;
    static final int PAGE_SIZE = 20;

    /** Which proposals: by default those still in play (open and qualified). */
    enum StatusFilter {
        CURRENT(""), OPEN("open"), QUALIFIED("qualified"), WITHDRAWN("withdrawn");

        final String code;

        StatusFilter(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<StatusFilter> parse(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            for (StatusFilter filter : values()) {
                if (filter.code.equals(v)) {
                    return Optional.of(filter);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The orders offered. RANDOM is the default, as in Decidim: a list that always puts the oldest or the
     * most supported first hands them more attention and so more supports; a per-visitor order spreads it.
     * It goes round a random circle of the process's proposals (each drew a place once) from a point the
     * visitor's seed picks: every proposal is as likely as any other to open a visitor's list, and a page
     * costs what its own length costs, whatever the number of proposals.
     */
    enum Sort {
        RANDOM("random"), MOST_SUPPORTED("supports"), NEWEST("newest"), RELEVANCE("relevance");

        final String code;

        Sort(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Sort> parse(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                return Optional.of(RANDOM);
            }
            for (Sort sort : values()) {
                if (sort.code.equals(v)) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }
    }

    ProposalQuery {
        words = List.copyOf(words);
    }

    boolean searches() {
        return !words.isEmpty();
    }

    /** The sort actually applied: relevance only means something with search words, and is then the default. */
    Sort effectiveSort() {
        if (sort == Sort.RELEVANCE && !searches()) {
            return Sort.RANDOM;
        }
        return sort;
    }

    /**
     * The search words of what a visitor typed: runs of letters, digits and combining marks (so Arabic
     * with its vowel marks, and any accented letter, stays one word); everything else separates words.
     * Nothing of the text reaches SQL but these words, each then matched as a word prefix.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < t.length() && words.size() < MAX_WORDS) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            boolean inWord = Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
            if (inWord) {
                if (word.length() < MAX_WORD) {
                    word.appendCodePoint(c);
                }
            } else {
                add(words, word);
            }
        }
        if (words.size() < MAX_WORDS) {
            add(words, word);
        }
        return words;
    }

    /** A word of marks alone (a stray accent) has nothing to match. */
    private static void add(List<String> words, StringBuilder word) {
        if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
            words.add(word.toString());
        }
        word.setLength(0);
    }

    /** The tsquery text: every word as a prefix, all required. Words hold only letters, digits and marks. */
    String prefixQuery() {
        return String.join(" & ", words.stream().map(w -> w + ":*").toList());
    }
}
