package org.baraza.participation.voting;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ballot's fields of a submitted form: those named {@code q…}; the CSRF token and the rest are not the ballot's. */
final class BallotFields {

    private BallotFields() {
    }

    static Map<String, List<String>> of(HttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("q")) {
                fields.put(name, List.of(values));
            }
        });
        return fields;
    }
}
