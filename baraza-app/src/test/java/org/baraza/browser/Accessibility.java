package org.baraza.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page the browser shows, against WCAG 2.0, 2.1 and 2.2 at levels A and AA
 * (issue 2, capability 7: zero violations). A check records what it finds; {@link #assertNone}
 * fails once with every violation of every page checked, so one run shows all that needs fixing.
 */
public final class Accessibility {

    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private final Browser browser;
    private final List<String> violations = new ArrayList<>();
    private final List<String> pagesChecked = new ArrayList<>();

    public Accessibility(Browser browser) {
        this.browser = browser;
    }

    /** Checks the page now shown; {@code page} names it in the report (e.g. "/register as resident, ar"). */
    public Accessibility check(String page) {
        pagesChecked.add(page);
        violations.addAll(violations(browser.driver(), page));
        return this;
    }

    public Accessibility check() {
        return check(browser.currentPath());
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<String> pagesChecked() {
        return List.copyOf(pagesChecked);
    }

    /** Fails listing every violation found so far: page, rule, impact, element, and what to do. */
    public void assertNone() {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " accessibility violation(s) on " + pagesChecked.size()
                + " page(s) checked:\n" + String.join("\n", violations));
        }
    }

    /** Checks the page now shown and fails at once if it has any violation. */
    public static void assertNoViolations(WebDriver driver) {
        List<String> found = violations(driver, driver.getCurrentUrl());
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " accessibility violation(s):\n" + String.join("\n", found));
        }
    }

    static List<String> violations(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + page + ": " + results.getErrorMessage());
        }
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                found.add("  " + page + " | " + rule.getId() + " (" + rule.getImpact() + ") | " + node.getTarget()
                    + " | " + rule.getHelp() + " | " + abbreviate(node.getHtml()));
            }
        }
        return found;
    }

    private static String abbreviate(String html) {
        String flat = html == null ? "" : html.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }
}
