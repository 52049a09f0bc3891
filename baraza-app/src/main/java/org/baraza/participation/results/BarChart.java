package org.baraza.participation.results;

import java.util.List;
import org.baraza.platform.SvgText;

/**
 * A horizontal bar chart drawn on the server as SVG: no script, no external font, a few hundred bytes per
 * bar. It is an image with a title and description for screen readers; the page shows the same figures in
 * a data table beside it, which is what assistive technology reads. Labels are escaped.
 */
final class BarChart {

    /** One bar: its label, its length, and the figure written at its end. */
    record Bar(String label, long value, String figure) {
    }

    static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 210;
    private static final int BAR_AREA = 330;
    private static final int ROW = 30;
    private static final int MAX_LABEL = 30;
    private static final String BAR_COLOUR = "#1d5f8a";
    private static final String TEXT_COLOUR = "#1b1b1b";

    private BarChart() {
    }

    static String svg(String id, String title, String description, List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int height = Math.max(ROW, bars.size() * ROW) + 8;
        StringBuilder svg = new StringBuilder(256 + bars.size() * 320);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
            .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">")
            .append("<title id=\"").append(id).append("-title\">").append(SvgText.escape(title)).append("</title>")
            .append("<desc id=\"").append(id).append("-desc\">").append(SvgText.escape(description)).append("</desc>");
        int y = 4;
        for (Bar bar : bars) {
            int length = max == 0 ? 0 : (int) Math.round((double) bar.value() * BAR_AREA / max);
            String label = bar.label().length() > MAX_LABEL ? bar.label().substring(0, MAX_LABEL - 1) + "…" : bar.label();
            svg.append("<g><text x=\"0\" y=\"").append(y + 19).append("\" font-size=\"14\" fill=\"").append(TEXT_COLOUR).append("\">")
                .append(SvgText.escape(label)).append("</text>")
                .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4).append("\" width=\"").append(Math.max(length, 1))
                .append("\" height=\"20\" fill=\"").append(BAR_COLOUR).append("\"/>")
                .append("<text x=\"").append(LABEL_WIDTH + Math.max(length, 1) + 6).append("\" y=\"").append(y + 19)
                .append("\" font-size=\"14\" fill=\"").append(TEXT_COLOUR).append("\">").append(SvgText.escape(bar.figure())).append("</text></g>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }
}
