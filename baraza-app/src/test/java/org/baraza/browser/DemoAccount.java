package org.baraza.browser;

/** The demo accounts of Demo City (README), one per role, and the visitor who is not signed in. */
public enum DemoAccount {
    VISITOR(null),
    RESIDENT("resident@demo.city"),
    MODERATOR("moderator@demo.city"),
    STAFF("staff@demo.city"),
    VALUATOR("valuator@demo.city"),
    OFFICER("officer@demo.city"),
    ADMIN("admin@demo.city"),
    PLATFORM_ADMIN("platform@demo.city");

    public static final String PASSWORD = "demo-password-2026";

    private final String email;

    DemoAccount(String email) {
        this.email = email;
    }

    public String email() {
        return email;
    }

    public boolean signedIn() {
        return email != null;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
