package org.baraza.browser;

/**
 * A page of the site as someone reaches it: who is signed in, on which host, at which path, and
 * the status it answers with (error pages are pages too and must be as accessible as the rest).
 * A page whose address holds an id (a district, a department) is reached by following the first
 * link to it from a list page, as an administrator would: {@code linkPrefix} names those links,
 * {@code linkText} (when set) picks the link by the words it shows, and {@code linkSuffix} goes on to
 * a page below the one linked (an edition's ballot, say).
 */
public record SitePage(DemoAccount account, String host, String path, int status, String linkPrefix, String linkText,
                       String linkSuffix) {

    public static SitePage of(DemoAccount account, String path) {
        return new SitePage(account, "localhost", path, 200, null, null, "");
    }

    /** The page the first link starting with {@code linkPrefix} on {@code listPath} leads to. */
    public static SitePage firstLinkOn(DemoAccount account, String listPath, String linkPrefix) {
        return new SitePage(account, "localhost", listPath, 200, linkPrefix, null, "");
    }

    /** Only a link whose text contains {@code text}, or whose address ends with it (the same in every language). */
    public SitePage showing(String text) {
        return new SitePage(account, host, path, status, linkPrefix, text, linkSuffix);
    }

    /** The page at the linked address followed by {@code suffix}. */
    public SitePage then(String suffix) {
        return new SitePage(account, host, path, status, linkPrefix, linkText, linkSuffix + suffix);
    }

    public SitePage at(String otherHost) {
        return new SitePage(account, otherHost, path, status, linkPrefix, linkText, linkSuffix);
    }

    public SitePage answering(int otherStatus) {
        return new SitePage(account, host, path, otherStatus, linkPrefix, linkText, linkSuffix);
    }

    /** The same page in another language, chosen the way the language menu does it. */
    public SitePage in(String lang) {
        return new SitePage(account, host, path + (path.contains("?") ? "&" : "?") + "lang=" + lang, status, linkPrefix,
            linkText, linkSuffix);
    }

    @Override
    public String toString() {
        return (linkPrefix == null ? path : linkPrefix + "…" + linkSuffix + (linkText == null ? "" : " '" + linkText + "'")
            + " (from " + path + ")")
            + ("localhost".equals(host) ? "" : " on " + host) + " as " + account
            + (status == 200 ? "" : " (" + status + ")");
    }
}
