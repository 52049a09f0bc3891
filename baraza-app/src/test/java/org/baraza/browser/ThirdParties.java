package org.baraza.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anything the page shown loads, or would load, from another origin: a CDN, web fonts, analytics.
 * Issue 2 forbids all of them (a resident's visit is nobody else's business). Looks at what
 * Chromium actually requested, at every resource the DOM points to, and at every url() and
 * import in the stylesheets. Links a resident may choose to follow are not resources.
 */
public final class ThirdParties {

    /** Every attribute that makes the browser fetch something, resolved to an absolute URL by the DOM. */
    private static final String RESOURCES_IN_DOM = """
        const urls = [];
        const add = (value) => { if (value) urls.push(new URL(value, document.baseURI).href); };
        document.querySelectorAll('[src]').forEach(e => add(e.getAttribute('src')));
        document.querySelectorAll('link[href]').forEach(e => add(e.getAttribute('href')));
        document.querySelectorAll('object[data]').forEach(e => add(e.getAttribute('data')));
        document.querySelectorAll('video[poster]').forEach(e => add(e.getAttribute('poster')));
        document.querySelectorAll('form[action]').forEach(e => add(e.getAttribute('action')));
        document.querySelectorAll('[srcset]').forEach(e => e.getAttribute('srcset').split(',')
            .forEach(candidate => add(candidate.trim().split(/\\s+/)[0])));
        document.querySelectorAll('[style]').forEach(e => urls.push('inline style: ' + e.getAttribute('style')));
        return urls;
        """;

    private static final String STYLESHEET_TEXT = """
        return Array.from(document.styleSheets).map(sheet => {
            try { return Array.from(sheet.cssRules).map(rule => rule.cssText).join('\\n'); }
            catch (e) { return 'unreadable stylesheet ' + sheet.href; }
        }).join('\\n');
        """;

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)|@import\\s+['\"]([^'\"]+)");

    private ThirdParties() {
    }

    /** Everything from another origin the page now shown requested or points to; empty is the only pass. */
    public static List<String> of(Browser browser) {
        String page = browser.driver().getCurrentUrl();
        String origin = origin(page);
        List<String> found = new ArrayList<>();
        for (Browser.Request request : browser.requests()) {
            if (!ownOrLocal(request.url(), origin)) {
                found.add("requested " + request.url());
            }
        }
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.driver().executeScript(RESOURCES_IN_DOM);
        for (String url : resources) {
            if (url.startsWith("inline style: ")) {
                found.add(url);
            } else if (!ownOrLocal(url, origin)) {
                found.add("points to " + url);
            }
        }
        String css = (String) browser.driver().executeScript(STYLESHEET_TEXT);
        Matcher matcher = CSS_URL.matcher(css);
        while (matcher.find()) {
            String url = (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).trim();
            if (url.startsWith("data:")) {
                continue;
            }
            String absolute = URI.create(page).resolve(url).toString();
            if (!ownOrLocal(absolute, origin)) {
                found.add("stylesheet loads " + absolute);
            }
        }
        if (css.contains("unreadable stylesheet")) {
            found.add("a stylesheet the page cannot read, so from another origin");
        }
        return found;
    }

    private static boolean ownOrLocal(String url, String origin) {
        return url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:") || origin(url).equals(origin);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
