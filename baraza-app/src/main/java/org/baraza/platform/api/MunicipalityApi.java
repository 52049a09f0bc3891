package org.baraza.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Department;
import org.baraza.platform.District;
import org.baraza.platform.Municipality;
import org.baraza.platform.tenancy.DistrictGeoJson;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.baraza.platform.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public, read-only JSON API of the municipality of the request's host (docs/api.md): its
 * settings, districts as GeoJSON and departments. Anyone may read it; answers carry an ETag and
 * may be cached for five minutes. Errors are problem+json (RFC 9457).
 */
@RestController
@RequestMapping("/api/v1")
class MunicipalityApi {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DistrictsAndDepartments districtsAndDepartments;
    private final Problems problems;

    MunicipalityApi(DistrictsAndDepartments districtsAndDepartments, Problems problems) {
        this.districtsAndDepartments = districtsAndDepartments;
        this.problems = problems;
    }

    @GetMapping(value = "/municipality", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> municipality(WebRequest request) {
        Municipality municipality = CurrentMunicipality.get();
        byte[] body = json(json -> {
            json.writeStartObject();
            json.writeStringProperty("slug", municipality.slug());
            json.writeStringProperty("name", municipality.name());
            json.writeStringProperty("defaultLanguage", municipality.defaultLanguage());
            json.writeName("languages");
            json.writeStartArray();
            for (String language : municipality.enabledLanguages()) {
                json.writeString(language);
            }
            json.writeEndArray();
            json.writeStringProperty("timeZone", municipality.timeZone().getId());
            json.writeStringProperty("primaryColour", municipality.primaryColour());
            json.writeName("logo");
            if (municipality.hasLogo()) {
                json.writeString("/logo");
            } else {
                json.writeNull();
            }
            json.writeName("links");
            json.writeStartObject();
            json.writeStringProperty("districts", "/api/v1/districts");
            json.writeStringProperty("departments", "/api/v1/departments");
            json.writeEndObject();
            json.writeEndObject();
        });
        return cacheable(request, MediaType.APPLICATION_JSON, body);
    }

    @GetMapping(value = "/districts", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> districts(WebRequest request) {
        byte[] body = DistrictGeoJson.featureCollection(districtsAndDepartments.districts(CurrentMunicipality.id()));
        return cacheable(request, GEO_JSON, body);
    }

    @GetMapping(value = "/districts/{code}", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> district(@PathVariable String code, WebRequest request) {
        District district = districtsAndDepartments.district(CurrentMunicipality.id(), code)
            .orElseThrow(() -> new UnknownDistrict(code));
        return cacheable(request, GEO_JSON, DistrictGeoJson.feature(district));
    }

    @GetMapping(value = "/departments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> departments(WebRequest request) {
        byte[] body = json(json -> {
            json.writeStartObject();
            json.writeName("departments");
            json.writeStartArray();
            for (Department department : districtsAndDepartments.departments(CurrentMunicipality.id())) {
                json.writeStartObject();
                json.writeStringProperty("code", department.code());
                json.writeStringProperty("name", department.name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        return cacheable(request, MediaType.APPLICATION_JSON, body);
    }

    @ExceptionHandler(UnknownDistrict.class)
    ResponseEntity<String> unknownDistrict(UnknownDistrict unknown, HttpServletRequest request) {
        String code = unknown.code.length() > 40 ? unknown.code.substring(0, 40) + "…" : unknown.code;
        return problems.response(request, HttpStatus.NOT_FOUND, "api.district.notFound", request.getRequestURI(), code);
    }

    /** The body with a strong ETag of its bytes; a client that already has them gets 304. */
    private static ResponseEntity<byte[]> cacheable(WebRequest request, MediaType type, byte[] body) {
        String etag = "\"" + sha256(body) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
            .contentType(type)
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
            .eTag(etag)
            .body(body);
    }

    private static byte[] json(java.util.function.Consumer<JsonGenerator> writer) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writer.accept(json);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A district code this municipality does not have. */
    static final class UnknownDistrict extends RuntimeException {
        private final String code;

        UnknownDistrict(String code) {
            super("unknown district", null, false, false);
            this.code = code;
        }
    }
}
