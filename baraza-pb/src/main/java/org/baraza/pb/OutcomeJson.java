package org.baraza.pb;

import java.util.List;

/**
 * The CLI's one-line JSON result:
 * {@code {"rule":"greedy","selected":["3","1"],"cost":"995079","voters":6586,"projects":64}}.
 * Written by hand (the engine has no dependencies); non-ASCII is escaped so the line is plain ASCII.
 */
final class OutcomeJson {

    private OutcomeJson() {
    }

    static String of(String rule, Outcome outcome, Election election) {
        StringBuilder json = new StringBuilder(64 + 8 * outcome.selected().size());
        json.append("{\"rule\":");
        string(json, rule);
        json.append(",\"selected\":[");
        List<String> selected = outcome.selected();
        for (int i = 0; i < selected.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, selected.get(i));
        }
        json.append("],\"cost\":");
        // An exact decimal, without exponent or trailing zeros: 1331751.11, 995079.
        string(json, outcome.cost().stripTrailingZeros().toPlainString());
        json.append(",\"voters\":").append(election.ballots().size());
        json.append(",\"projects\":").append(election.projects().size());
        return json.append('}').toString();
    }

    /** A JSON string literal (RFC 8259 §7). */
    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
