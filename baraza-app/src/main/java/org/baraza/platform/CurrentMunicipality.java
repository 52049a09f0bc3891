package org.baraza.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The municipality of the request being served. Set once per request by the tenancy filter from
 * the Host header; code that needs the tenant asks here rather than trusting anything the client sends.
 */
public final class CurrentMunicipality {

    public static final String ATTRIBUTE = CurrentMunicipality.class.getName();

    private CurrentMunicipality() {
    }

    /** The municipality of the current request. @throws IllegalStateException outside a municipality's request */
    public static Municipality get() {
        return find().orElseThrow(() -> new IllegalStateException("no municipality for this request"));
    }

    public static Optional<Municipality> find() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((Municipality) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    public static Optional<Municipality> of(HttpServletRequest request) {
        return Optional.ofNullable((Municipality) request.getAttribute(ATTRIBUTE));
    }

    public static OrganizationId id() {
        return get().id();
    }
}
