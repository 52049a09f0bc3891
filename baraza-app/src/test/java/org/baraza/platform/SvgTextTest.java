package org.baraza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgTextTest {

    @Test
    void aTitleCannotAddMarkupToADrawing() {
        assertThat(SvgText.escape("<script>alert('x')</script> & \"more\""))
            .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
    }

    @Test
    void controlCharactersXmlForbidsAreLeftOutAndOtherTextIsKept() {
        assertThat(SvgText.escape("Park\u0000\u0007 bench\tمقعد")).isEqualTo("Park bench\tمقعد");
    }
}
