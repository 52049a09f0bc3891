package org.baraza.browser;

/**
 * A page of the site as someone reaches it: who is signed in, on which host, at which path, and
 * the status it answers with (error pages are pages too and must be as accessible as the rest).
 */
public record SitePage(DemoAccount account, String host, String path, int status) {

    public static SitePage of(DemoAccount account, String path) {
        return new SitePage(account, "localhost", path, 200);
    }

    public SitePage at(String otherHost) {
        return new SitePage(account, otherHost, path, status);
    }

    public SitePage answering(int otherStatus) {
        return new SitePage(account, host, path, otherStatus);
    }

    /** The same page in another language, chosen the way the language menu does it. */
    public String pathIn(String lang) {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    @Override
    public String toString() {
        return path + ("localhost".equals(host) ? "" : " on " + host) + " as " + account
            + (status == 200 ? "" : " (" + status + ")");
    }
}
