package org.baraza.participation.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the small subset of Markdown that residents and admins write descriptions in: paragraphs,
 * line breaks, headings (shown as level-3 headings, so they sit under the page's own), bulleted and
 * numbered lists, **strong**, *emphasis*, {@code `code`} and [links](https://…). Every other character is
 * HTML-escaped, so no tag, attribute or script can come through; links are only http, https or mailto,
 * and carry {@code rel="nofollow ugc noopener"}. Linear in the input's length: no pathological input
 * makes it slow. A hand-written subset rather than a full CommonMark library because nothing beyond this
 * subset is wanted, and everything the subset does not know is shown as the text that was typed.
 */
public final class SafeMarkdown {

    /** The longest text accepted for rendering; forms refuse longer input before it gets here. */
    public static final int MAX_LENGTH = 20_000;

    private SafeMarkdown() {
    }

    /** The HTML for {@code markdown} (null and blank give an empty string). */
    public static String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String text = markdown.length() > MAX_LENGTH ? markdown.substring(0, MAX_LENGTH) : markdown;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder html = new StringBuilder(text.length() + text.length() / 4);
        List<String> paragraph = new ArrayList<>();
        String listTag = null;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            Heading heading = Heading.of(trimmed);
            ListItem item = ListItem.of(trimmed);
            if (trimmed.isEmpty() || heading != null || item != null) {
                flushParagraph(html, paragraph);
            }
            if (item == null && listTag != null) {
                html.append("</").append(listTag).append(">\n");
                listTag = null;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            if (heading != null) {
                html.append("<h3>");
                inline(html, heading.text());
                html.append("</h3>\n");
            } else if (item != null) {
                if (!item.tag().equals(listTag)) {
                    if (listTag != null) {
                        html.append("</").append(listTag).append(">\n");
                    }
                    listTag = item.tag();
                    html.append('<').append(listTag).append(">\n");
                }
                html.append("<li>");
                inline(html, item.text());
                html.append("</li>\n");
            } else {
                paragraph.add(trimmed);
            }
        }
        flushParagraph(html, paragraph);
        if (listTag != null) {
            html.append("</").append(listTag).append(">\n");
        }
        return html.toString();
    }

    /** Plain text of the Markdown, for summaries and the JSON API: markers removed, nothing escaped. */
    public static String plainText(String markdown, int maxLength) {
        if (markdown == null) {
            return "";
        }
        String plain = markdown.replaceAll("[*_`#>]", "").replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
            .replaceAll("\\s+", " ").strip();
        return plain.length() <= maxLength ? plain : plain.substring(0, Math.max(0, maxLength - 1)).strip() + "…";
    }

    private static void flushParagraph(StringBuilder html, List<String> paragraph) {
        if (paragraph.isEmpty()) {
            return;
        }
        html.append("<p>");
        for (int i = 0; i < paragraph.size(); i++) {
            if (i > 0) {
                html.append("<br>\n");
            }
            inline(html, paragraph.get(i));
        }
        html.append("</p>\n");
        paragraph.clear();
    }

    private record Heading(String text) {
        static Heading of(String line) {
            int level = 0;
            while (level < line.length() && level < 6 && line.charAt(level) == '#') {
                level++;
            }
            if (level == 0 || level >= line.length() || line.charAt(level) != ' ') {
                return null;
            }
            String text = line.substring(level).strip();
            return text.isEmpty() ? null : new Heading(text);
        }
    }

    private record ListItem(String tag, String text) {
        static ListItem of(String line) {
            if ((line.startsWith("- ") || line.startsWith("* ") || line.startsWith("+ ")) && line.length() > 2) {
                return new ListItem("ul", line.substring(2).strip());
            }
            int digits = 0;
            while (digits < line.length() && digits < 9 && Character.isDigit(line.charAt(digits))) {
                digits++;
            }
            if (digits > 0 && line.length() > digits + 2 && (line.charAt(digits) == '.' || line.charAt(digits) == ')')
                && line.charAt(digits + 1) == ' ') {
                return new ListItem("ol", line.substring(digits + 2).strip());
            }
            return null;
        }
    }

    /**
     * Inline markup of one line. Each marker looks for its closing marker once per position; the next
     * occurrence of every closing marker is remembered, so the scan stays linear.
     */
    private static void inline(StringBuilder html, String line) {
        new Inline(line).render(html, 0, line.length(), 0);
    }

    private static final class Inline {
        private static final int MAX_NESTING = 3;
        private final String s;
        private final Next strongClose;
        private final Next linkMiddle;
        private final Next linkClose;
        private final Next linkOpen;

        Inline(String s) {
            this.s = s;
            this.strongClose = new Next(s, "**");
            this.linkMiddle = new Next(s, "](");
            this.linkClose = new Next(s, ")");
            this.linkOpen = new Next(s, "[");
        }

        void render(StringBuilder html, int from, int to, int depth) {
            int i = from;
            while (i < to) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < to && isPunctuation(s.charAt(i + 1))) {
                    SafeMarkdown.escape(html, s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '`') {
                    int close = s.indexOf('`', i + 1);
                    if (close > i + 1 && close < to) {
                        html.append("<code>");
                        escape(html, i + 1, close);
                        html.append("</code>");
                        i = close + 1;
                        continue;
                    }
                }
                if (depth < MAX_NESTING && c == '*' && i + 1 < to && s.charAt(i + 1) == '*') {
                    int close = strongClose.from(i + 2);
                    if (close > i + 2 && close + 2 <= to) {
                        html.append("<strong>");
                        render(html, i + 2, close, depth + 1);
                        html.append("</strong>");
                        i = close + 2;
                        continue;
                    }
                }
                if (depth < MAX_NESTING && (c == '*' || c == '_') && i + 1 < to && !Character.isWhitespace(s.charAt(i + 1))
                    && (c == '*' || i == from || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                    int close = s.indexOf(c, i + 1);
                    if (close > i + 1 && close < to && !Character.isWhitespace(s.charAt(close - 1))
                        && (c == '*' || close + 1 >= to || !Character.isLetterOrDigit(s.charAt(close + 1)))) {
                        html.append("<em>");
                        render(html, i + 1, close, depth + 1);
                        html.append("</em>");
                        i = close + 1;
                        continue;
                    }
                }
                if (depth < MAX_NESTING && c == '[') {
                    int middle = linkMiddle.from(i + 1);
                    int close = middle < 0 ? -1 : linkClose.from(middle + 2);
                    int nextOpen = linkOpen.from(i + 1);
                    if (middle > i + 1 && close > middle + 2 && close < to && (nextOpen < 0 || nextOpen > middle)) {
                        String url = s.substring(middle + 2, close).strip();
                        if (isSafeUrl(url)) {
                            html.append("<a href=\"");
                            SafeMarkdown.escape(html, url, 0, url.length());
                            html.append("\" rel=\"nofollow ugc noopener\">");
                            render(html, i + 1, middle, depth + 1);
                            html.append("</a>");
                            i = close + 1;
                            continue;
                        }
                    }
                }
                SafeMarkdown.escape(html, c);
                i++;
            }
        }

        private void escape(StringBuilder html, int from, int to) {
            SafeMarkdown.escape(html, s, from, to);
        }
    }

    /**
     * The next occurrence of a marker at or after a position. Positions asked for never decrease within a
     * line, so a remembered answer stays right until the position passes it: each marker is searched for
     * once per occurrence, not once per opening marker.
     */
    private static final class Next {
        private final String s;
        private final String marker;
        private int askedFrom = Integer.MAX_VALUE;
        private int found = -1;

        Next(String s, String marker) {
            this.s = s;
            this.marker = marker;
        }

        int from(int position) {
            if (position >= askedFrom && (found == -1 || found >= position)) {
                return found;
            }
            askedFrom = position;
            found = s.indexOf(marker, position);
            return found;
        }
    }

    static boolean isSafeUrl(String url) {
        if (url.isEmpty() || url.length() > 2000 || url.chars().anyMatch(ch -> ch <= ' ' || ch == '"' || ch == '<' || ch == '>')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null) {
                return false;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (scheme.equals("mailto")) {
                return uri.getSchemeSpecificPart() != null && uri.getSchemeSpecificPart().contains("@");
            }
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean isPunctuation(char c) {
        return "\\`*_{}[]()#+-.!<>|~".indexOf(c) >= 0;
    }

    static void escape(StringBuilder html, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            escape(html, s.charAt(i));
        }
    }

    static void escape(StringBuilder html, char c) {
        switch (c) {
            case '<' -> html.append("&lt;");
            case '>' -> html.append("&gt;");
            case '&' -> html.append("&amp;");
            case '"' -> html.append("&quot;");
            case '\'' -> html.append("&#39;");
            default -> {
                // control characters (other than tab) have no place in a page
                if (c >= 0x20 || c == '\t') {
                    html.append(c);
                }
            }
        }
    }
}
