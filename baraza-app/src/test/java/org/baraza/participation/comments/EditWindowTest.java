package org.baraza.participation.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EditWindowTest {

    private final Instant posted = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void authorMayEditUntilTheWindowCloses() {
        EditWindow window = new EditWindow(Duration.ofMinutes(30));
        assertThat(window.isOpen(posted, posted)).isTrue();
        assertThat(window.isOpen(posted, posted.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(window.isOpen(posted, posted.plus(Duration.ofMinutes(30)))).isFalse();
        assertThat(window.isOpen(posted, posted.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aClockBeforeThePostingTimeDoesNotOpenIt() {
        assertThat(EditWindow.DEFAULT.isOpen(posted, posted.minusSeconds(1))).isFalse();
    }

    @Test
    void targetsParseOnlyKnownTypesAndPositiveIds() {
        assertThat(CommentTarget.parse("proposal:12")).contains(new CommentTarget(CommentTarget.Type.PROPOSAL, 12));
        assertThat(CommentTarget.parse("debate:0")).isEmpty();
        assertThat(CommentTarget.parse("user:3")).isEmpty();
        assertThat(CommentTarget.parse("debate:-1")).isEmpty();
        assertThat(CommentTarget.parse("debate:1' OR 1=1")).isEmpty();
        assertThat(CommentTarget.parse(null)).isEmpty();
    }
}
