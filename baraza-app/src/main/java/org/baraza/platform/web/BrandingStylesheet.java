package org.baraza.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The municipality's colours as a tiny stylesheet of its own: the CSP forbids inline styles, so
 * branding cannot be written into the page.
 */
@Controller
class BrandingStylesheet {

    @GetMapping(value = "/branding.css", produces = "text/css")
    ResponseEntity<String> branding(HttpServletRequest request) {
        Municipality municipality = CurrentMunicipality.of(request).orElseThrow();
        String colour = municipality.primaryColour();
        String css = ":root{--brand:" + colour + ";}\n";
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "css"))
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
            .body(css);
    }
}
