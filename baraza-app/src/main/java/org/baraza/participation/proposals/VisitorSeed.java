package org.baraza.participation.proposals;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The seed of a visitor's random order of proposals: the same order on every page and visit during the
 * visitor's browser session, another for the next visitor. It is a random number in a session cookie,
 * tied to nothing (no account, no session row, so anonymous visitors cost the database nothing); links
 * to further pages carry it too, so the order holds without cookies and a shared link shows the same list.
 */
final class VisitorSeed {

    static final String COOKIE = "baraza-order";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitorSeed() {
    }

    /** The seed asked for in the link, else the visitor's cookie, else a new one (then set as the cookie). */
    static long of(HttpServletRequest request, HttpServletResponse response, String requested) {
        Long fromLink = parse(requested);
        if (fromLink != null) {
            return fromLink;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    Long fromCookie = parse(cookie.getValue());
                    if (fromCookie != null) {
                        return fromCookie;
                    }
                }
            }
        }
        long seed = RANDOM.nextLong() & Long.MAX_VALUE;
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, Long.toString(seed))
            .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure()).build().toString());
        return seed;
    }

    /** A seed from a request: a non-negative decimal number, anything else is none. */
    static Long parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 19) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }
}
