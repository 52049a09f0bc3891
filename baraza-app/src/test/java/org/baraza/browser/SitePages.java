package org.baraza.browser;

import static org.baraza.browser.DemoAccount.RESIDENT;
import static org.baraza.browser.DemoAccount.VISITOR;

import java.util.List;

/**
 * Every page of the site, each with the demo account that may see it. The site-wide browser tests
 * (accessibility, page weight, third-party requests, right-to-left Arabic) walk this list, so a new
 * page is checked by all of them once it is added here.
 */
public final class SitePages {

    private SitePages() {
    }

    public static List<SitePage> all() {
        return List.of(
            SitePage.of(VISITOR, "/"),
            SitePage.of(VISITOR, "/").at("hilltown.localhost"),
            // a visitor asking for an unknown address is sent to sign in first, so a resident asks
            SitePage.of(RESIDENT, "/no-such-page").answering(404),
            SitePage.of(VISITOR, "/").at("nowhere.localhost").answering(404));
    }

    /**
     * Visits every page, signing in as each page's account in turn (pages are grouped by account
     * so each account signs in once), and hands the browser, showing the page, to {@code check}.
     */
    public static void tour(Browser browser, List<SitePage> pages, PageCheck check) {
        DemoAccount signedIn = null;
        List<SitePage> ordered = pages.stream()
            .sorted(java.util.Comparator.comparing(SitePage::account)).toList();
        for (SitePage page : ordered) {
            if (page.account() != signedIn) {
                browser.signOut();
                if (page.account().signedIn()) {
                    browser.signIn(page.account());
                }
                signedIn = page.account();
            }
            browser.openAt(page.host(), page.path());
            check.check(page, browser);
        }
        browser.signOut();
    }

    /** What a site-wide test checks on each page. */
    @FunctionalInterface
    public interface PageCheck {
        void check(SitePage page, Browser browser);
    }
}
