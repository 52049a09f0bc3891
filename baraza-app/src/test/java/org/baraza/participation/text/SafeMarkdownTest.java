package org.baraza.participation.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeMarkdownTest {

    @Test
    void rendersTheSubset() {
        String html = SafeMarkdown.render("""
            ## Why
            A **new** park, *soon*, see [the plan](https://example.org/plan?a=1&b=2).
            Second line

            - trees
            - benches
            1. first
            2. second""");
        assertThat(html).isEqualTo("""
            <h3>Why</h3>
            <p>A <strong>new</strong> park, <em>soon</em>, see <a href="https://example.org/plan?a=1&amp;b=2" rel="nofollow ugc noopener">the plan</a>.<br>
            Second line</p>
            <ul>
            <li>trees</li>
            <li>benches</li>
            </ul>
            <ol>
            <li>first</li>
            <li>second</li>
            </ol>
            """);
    }

    @Test
    void htmlAndScriptAreShownAsTextNeverAsMarkup() {
        String html = SafeMarkdown.render("<script>alert(1)</script> <img src=x onerror=alert(1)> \"quoted\" & 'single'");
        assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;quoted&quot;",
            "&amp;", "&#39;single&#39;");
    }

    @Test
    void onlyWebAndMailLinksBecomeLinks() {
        assertThat(SafeMarkdown.render("[x](javascript:alert(1))")).doesNotContain("<a ").contains("javascript:alert(1)");
        assertThat(SafeMarkdown.render("[x](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("<a ");
        assertThat(SafeMarkdown.render("[x](//evil.example/)")).doesNotContain("<a ");
        assertThat(SafeMarkdown.render("[x](https://ok.example/\" onmouseover=\"alert(1))")).doesNotContain("onmouseover=\"");
        assertThat(SafeMarkdown.render("[write](mailto:city@example.org)")).contains("<a href=\"mailto:city@example.org\"");
    }

    @Test
    void controlCharactersAreDropped() {
        assertThat(SafeMarkdown.render("a\u0000b\u0007c")).isEqualTo("<p>abc</p>\n");
    }

    @Test
    void pathologicalInputStaysFast() {
        String[] hostile = {"[".repeat(20_000), "**a".repeat(6_000), "*_`[](".repeat(3_000), "`".repeat(20_000),
            "[a](".repeat(5_000)};
        for (String input : hostile) {
            long start = System.nanoTime();
            String html = SafeMarkdown.render(input);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("rendering %s…", input.substring(0, 6)).isLessThan(500);
            assertThat(html).doesNotContain("<script");
        }
    }

    @Test
    void tooLongInputIsCutNotRefusedHere() {
        assertThat(SafeMarkdown.render("a".repeat(SafeMarkdown.MAX_LENGTH + 10))).hasSize("<p></p>\n".length() + SafeMarkdown.MAX_LENGTH);
    }

    @Test
    void plainTextDropsMarkers() {
        assertThat(SafeMarkdown.plainText("## A **bold** [link](https://x.example)", 100)).isEqualTo("A bold link");
        assertThat(SafeMarkdown.plainText("abcdefghij", 5)).isEqualTo("abcd…");
    }
}
