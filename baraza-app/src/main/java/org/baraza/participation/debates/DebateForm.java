package org.baraza.participation.debates;

/** A debate as typed; {@code process} is the process it opens in, blank for a standalone one. */
public record DebateForm(String title, String body, String anonymous, String process) {

    public boolean isAnonymous() {
        return "true".equals(anonymous) || "on".equals(anonymous);
    }
}
