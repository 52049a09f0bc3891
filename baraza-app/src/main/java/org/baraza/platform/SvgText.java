package org.baraza.platform;

/**
 * Text written into a chart or map drawn on the server as SVG (results bars, winners' map): a title a resident
 * typed is escaped for XML, and control characters XML does not allow are left out, so it can neither break the
 * drawing nor add markup to it.
 */
public final class SvgText {

    private SvgText() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
