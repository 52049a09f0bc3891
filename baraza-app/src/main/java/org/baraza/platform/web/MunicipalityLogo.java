package org.baraza.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.HexFormat;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.tenancy.Municipalities;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/** The municipality's logo, as checked on upload: a PNG or JPEG served with its own type. */
@Controller
class MunicipalityLogo {

    private final Municipalities municipalities;

    MunicipalityLogo(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping("/logo")
    ResponseEntity<byte[]> logo(HttpServletRequest request, WebRequest webRequest) {
        Municipality municipality = CurrentMunicipality.of(request)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Municipalities.Logo logo = municipalities.logo(municipality.id())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String etag = "\"" + HexFormat.of().toHexDigits(java.util.Arrays.hashCode(logo.bytes())) + "\"";
        if (webRequest.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(logo.mediaType()))
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
            .eTag(etag)
            .body(logo.bytes());
    }
}
