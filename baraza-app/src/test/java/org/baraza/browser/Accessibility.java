package org.baraza.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page the browser shows, against WCAG 2.0, 2.1 and 2.2 at levels A and AA
 * (issue 2, capability 7: zero violations). A check records what it finds; {@link #assertNone}
 * fails once with every violation of every page checked, so one run shows all that needs fixing.
 */
public final class Accessibility {

    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private final Browser browser;
    private final List<Violation> violations = new ArrayList<>();
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

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public List<String> pagesChecked() {
        return List.copyOf(pagesChecked);
    }

    /** Fails listing every violation found so far: page, rule, impact, element, and what to do. */
    public void assertNone() {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " accessibility violation(s) on " + pagesChecked.size()
                + " page(s) checked.\nBy rule:\n" + byRule(violations) + "\nEvery one:\n"
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        }
    }

    /** One line per rule broken: on how many pages, how many elements, and the first element, to start with. */
    private static String byRule(List<Violation> violations) {
        Map<String, List<Violation>> byRule = violations.stream()
            .collect(Collectors.groupingBy(Violation::rule, LinkedHashMap::new, Collectors.toList()));
        return byRule.entrySet().stream().map(rule -> {
            List<Violation> found = rule.getValue();
            long pages = found.stream().map(Violation::page).distinct().count();
            Violation first = found.get(0);
            return "  " + rule.getKey() + " (" + first.impact() + "): " + found.size() + " element(s) on " + pages
                + " page(s), first " + first.target() + " on " + first.page() + " | " + first.help();
        }).collect(Collectors.joining("\n"));
    }

    /** One element breaking one rule on one page. */
    public record Violation(String page, String rule, String impact, String target, String help, String html) {

        @Override
        public String toString() {
            return "  " + page + " | " + rule + " (" + impact + ") | " + target + " | " + help + " | " + html;
        }
    }

    /** Checks the page now shown and fails at once if it has any violation. */
    public static void assertNoViolations(WebDriver driver) {
        List<Violation> found = violations(driver, driver.getCurrentUrl());
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " accessibility violation(s):\n"
                + found.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        }
    }

    static List<Violation> violations(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + page + ": " + results.getErrorMessage());
        }
        List<Violation> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                found.add(new Violation(page, rule.getId(), rule.getImpact(), String.valueOf(node.getTarget()), rule.getHelp(),
                    abbreviate(node.getHtml())));
            }
        }
        return found;
    }

    private static String abbreviate(String html) {
        String flat = html == null ? "" : html.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }
}
