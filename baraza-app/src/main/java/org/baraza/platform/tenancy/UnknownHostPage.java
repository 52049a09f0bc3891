package org.baraza.platform.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The answer to a host no municipality uses: a translated 404, as HTML or as problem+json under /api. */
@Component
class UnknownHostPage {

    private final MessageSource messages;

    UnknownHostPage(MessageSource messages) {
        this.messages = messages;
    }

    void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = request.getLocale();
        String title = messages.getMessage("error.unknownHost.title", null, locale);
        String detail = messages.getMessage("error.unknownHost.detail", null, locale);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        // written before the security filters run, so it sets their headers itself
        org.baraza.platform.security.SecurityHeaders.write(response);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":404,\"detail\":"
                + json(detail) + "}");
            return;
        }
        String lang = locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
        String dir = "ar".equals(lang) ? "rtl" : "ltr";
        response.setContentType("text/html");
        response.getWriter().write("""
            <!DOCTYPE html>
            <html lang="%s" dir="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s</title><link rel="stylesheet" href="/css/baraza.css"></head>
            <body><main id="main" class="container"><h1>%s</h1><p>%s</p></main></body></html>
            """.formatted(HtmlUtils.htmlEscape(lang), dir, HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title),
            HtmlUtils.htmlEscape(detail)));
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
