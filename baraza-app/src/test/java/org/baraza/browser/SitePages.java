package org.baraza.browser;

import static org.baraza.browser.DemoAccount.ADMIN;
import static org.baraza.browser.DemoAccount.MODERATOR;
import static org.baraza.browser.DemoAccount.OFFICER;
import static org.baraza.browser.DemoAccount.PLATFORM_ADMIN;
import static org.baraza.browser.DemoAccount.RESIDENT;
import static org.baraza.browser.DemoAccount.STAFF;
import static org.baraza.browser.DemoAccount.VALUATOR;
import static org.baraza.browser.DemoAccount.VISITOR;

import java.util.Comparator;
import java.util.List;
import org.openqa.selenium.By;

/**
 * Every page of the site, each with the demo account that may see it. The site-wide browser tests
 * (accessibility, page weight, third-party requests, right-to-left Arabic) walk this list, so a new
 * page is checked by all of them once it is added here. Pages reached only by submitting a form
 * (a confirmation, an error summary) are checked by the journeys that submit them.
 */
public final class SitePages {

    private SitePages() {
    }

    public static List<SitePage> all() {
        return List.of(
            // anyone
            SitePage.of(VISITOR, "/"),
            SitePage.of(VISITOR, "/").at("hilltown.localhost"),
            SitePage.of(VISITOR, "/register").at("hilltown.localhost"),
            SitePage.of(VISITOR, "/login"),
            SitePage.of(VISITOR, "/register"),
            SitePage.of(VISITOR, "/confirm"),
            SitePage.of(VISITOR, "/password/forgot"),
            SitePage.of(VISITOR, "/password/reset"),
            SitePage.of(VISITOR, "/outbox"),
            SitePage.of(VISITOR, "/account-deleted"),
            SitePage.of(VISITOR, "/too-many-attempts").answering(429),
            SitePage.of(VISITOR, "/confirm/resend").answering(405),
            SitePage.of(VISITOR, "/").at("nowhere.localhost").answering(404),
            // a resident
            SitePage.of(RESIDENT, "/"),
            SitePage.of(RESIDENT, "/account"),
            SitePage.of(RESIDENT, "/account/password"),
            SitePage.of(RESIDENT, "/account/delete"),
            SitePage.of(RESIDENT, "/account/verify"),
            SitePage.of(RESIDENT, "/no-such-page").answering(404),
            SitePage.of(VISITOR, "/no-such-page").answering(404),
            SitePage.of(VISITOR, "/login?suspended"),
            SitePage.of(RESIDENT, "/admin").answering(403),
            // each role sees the header's menu for it
            SitePage.of(MODERATOR, "/"),
            SitePage.of(STAFF, "/"),
            SitePage.of(VALUATOR, "/"),
            SitePage.of(OFFICER, "/"),
            SitePage.of(OFFICER, "/officer"),
            SitePage.of(OFFICER, "/officer/verify"),
            SitePage.of(ADMIN, "/"),
            SitePage.of(ADMIN, "/admin"),
            SitePage.of(ADMIN, "/admin/census"),
            SitePage.of(ADMIN, "/admin/roles"),
            SitePage.of(ADMIN, "/admin/districts"),
            SitePage.firstLinkOn(ADMIN, "/admin/districts", "/admin/districts/"),
            SitePage.of(ADMIN, "/admin/departments"),
            SitePage.firstLinkOn(ADMIN, "/admin/departments", "/admin/departments/"),
            SitePage.of(ADMIN, "/admin/municipality"),
            SitePage.of(ADMIN, "/admin/audit"),
            SitePage.of(ADMIN, "/admin/audit/verification"),
            // participation (later issues): the pages that need no data of their own
            SitePage.of(VISITOR, "/processes"),
            SitePage.of(VISITOR, "/debates"),
            // the demo's "Green streets 2026" process: its page, a proposal, a debate, a consultation
            SitePage.firstLinkOn(VISITOR, "/processes", "/processes/"),
            SitePage.firstLinkOn(VISITOR, "/debates", "/debates/"),
            SitePage.firstLinkOn(RESIDENT, "/debates", "/debates/"),
            // participatory budgets (the demo's 2027 edition lists first, with balloting open)
            SitePage.of(VISITOR, "/budgets"),
            SitePage.firstLinkOn(VISITOR, "/budgets", "/budgets/"),
            SitePage.of(ADMIN, "/admin/budgets"),
            SitePage.firstLinkOn(ADMIN, "/admin/budgets", "/admin/budgets/"),
            SitePage.of(VALUATOR, "/valuation/budgets"),
            SitePage.firstLinkOn(VALUATOR, "/valuation/budgets", "/valuation/budgets/"),
            SitePage.firstLinkOn(RESIDENT, "/budgets", "/budgets/").showing("2027").then("/ballot"),
            SitePage.firstLinkOn(RESIDENT, "/budgets", "/budgets/").showing("2027").then("/ballot/change"),
            SitePage.firstLinkOn(VISITOR, "/budgets", "/budgets/").showing("2026").then("/receipts"),
            SitePage.firstLinkOn(VISITOR, "/budgets", "/budgets/").showing("2026").then("/results"),
            SitePage.of(OFFICER, "/officer/budgets"),
            SitePage.of(ADMIN, "/admin/budgets/import"),
            SitePage.firstLinkOn(ADMIN, "/admin/budgets", "/admin/budgets/").showing("2026").then("/results"),
            SitePage.firstLinkOn(ADMIN, "/admin/budgets", "/admin/budgets/").showing("2027").then("/results"),
            SitePage.firstLinkOn(OFFICER, "/officer/budgets", "/officer/budgets/").showing("/booth"),
            SitePage.firstLinkOn(OFFICER, "/officer/budgets", "/officer/budgets/").showing("/paper"),
            SitePage.of(RESIDENT, "/debates/new"),
            SitePage.of(MODERATOR, "/moderation"),
            SitePage.of(ADMIN, "/admin/processes"),
            SitePage.of(ADMIN, "/admin/processes/new"),
            SitePage.of(ADMIN, "/admin/categories"),
            SitePage.of(PLATFORM_ADMIN, "/"),
            SitePage.of(PLATFORM_ADMIN, "/platform"),
            SitePage.of(PLATFORM_ADMIN, "/platform/municipalities/new"),
            SitePage.firstLinkOn(PLATFORM_ADMIN, "/platform", "/platform/municipalities/"),
            SitePage.of(PLATFORM_ADMIN, "/platform/audit"),
            SitePage.of(PLATFORM_ADMIN, "/platform/audit/verification"));
    }

    /**
     * Visits every page, signing in as each page's account in turn (pages are grouped by account
     * so each account signs in once), and hands the browser, showing the page, to {@code check}.
     */
    public static void tour(Browser browser, List<SitePage> pages, PageCheck check) {
        DemoAccount signedIn = null;
        for (SitePage page : pages.stream().sorted(Comparator.comparing(SitePage::account)).toList()) {
            if (page.account() != signedIn) {
                browser.signOut();
                if (page.account().signedIn()) {
                    browser.signIn(page.account());
                }
                signedIn = page.account();
            }
            browser.openAt(page.host(), page.path());
            if (page.linkPrefix() != null) {
                followFirstLink(browser, page);
            }
            check.check(page, browser);
        }
        browser.signOut();
    }

    /** Follows the first link to one item (an id or a code after the prefix), not to "new" or "export". */
    private static void followFirstLink(Browser browser, SitePage page) {
        String href = browser.findAll(By.cssSelector("main a[href^='" + page.linkPrefix() + "']")).stream()
            .filter(link -> page.linkText() == null || link.getText().contains(page.linkText())
                || link.getDomAttribute("href").endsWith(page.linkText()))
            .map(link -> link.getDomAttribute("href"))
            // an id (or code) after the prefix; a link chosen by its text may go deeper (an edition's booth)
            .filter(path -> path.substring(page.linkPrefix().length()).matches(page.linkText() == null ? "[\\w-]+" : "[\\w-]+(/[\\w-]+)*"))
            .filter(path -> !path.endsWith("/new") && !path.endsWith("/export"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no link to " + page.linkPrefix() + "… on " + page.path()));
        browser.forgetRequests();
        browser.driver().get(browser.url(page.host(), href + page.linkSuffix()));
    }

    /** What a site-wide test checks on each page. */
    @FunctionalInterface
    public interface PageCheck {
        void check(SitePage page, Browser browser);
    }
}
