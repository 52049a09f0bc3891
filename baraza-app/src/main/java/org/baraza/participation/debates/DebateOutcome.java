package org.baraza.participation.debates;

import org.baraza.participation.web.FormErrors;

/** What a debate action did: the debate's id, or the form's errors, or a refusal's message key. */
record DebateOutcome(Long debateId, FormErrors errors, String refusal) {

    static DebateOutcome invalid(FormErrors errors) {
        return new DebateOutcome(null, errors, null);
    }

    static DebateOutcome refused(String refusal) {
        return new DebateOutcome(null, null, refusal);
    }

    boolean done() {
        return debateId != null;
    }
}
