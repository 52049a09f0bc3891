package org.baraza.platform.demo;

import java.util.List;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo municipalities on first start: Demo City (on localhost) and Hilltown (on
 * hilltown.localhost), so a new user sees a working city and two tenants side by side. Runs once;
 * a restart keeps what is there.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "baraza.demo.enabled", havingValue = "true")
class DemoMunicipalities implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMunicipalities.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MunicipalityDirectory directory;
    private final List<String> demoCityHosts;

    DemoMunicipalities(JdbcClient jdbc, TransactionTemplate transaction, MunicipalityDirectory directory,
                       @Value("${baraza.demo.hosts:localhost,127.0.0.1,democity.localhost}") List<String> demoCityHosts) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.directory = directory;
        this.demoCityHosts = demoCityHosts;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            create("demo-city", "Demo City", "en", List.of("en", "fr", "es", "pt", "sw", "ar"), "Africa/Nairobi", "#1d5f8a",
                demoCityHosts, new DemoCityMap(36.95, -0.42, 0.045),
                List.of("old-town", "northgate", "riverside", "market", "hillcrest", "lakeview"),
                List.of("Old Town", "Northgate", "Riverside", "Market Quarter", "Hillcrest", "Lakeview"),
                List.of("roads:Roads and Transport", "water:Water and Sanitation", "waste:Waste and Cleanliness",
                    "parks:Parks and Public Space", "social:Social Services"));
            create("hilltown", "Hilltown", "fr", List.of("fr", "en", "ar"), "Africa/Casablanca", "#7a3b00",
                List.of("hilltown.localhost"), new DemoCityMap(-5.55, 33.9, 0.02),
                List.of("centre", "haut", "bas", "gare"),
                List.of("Centre", "Haut-Quartier", "Bas-Quartier", "La Gare"),
                List.of("voirie:Voirie", "eau:Eau et assainissement"));
        });
        directory.forget();
    }

    private void create(String slug, String name, String language, List<String> languages, String zone, String colour,
                        List<String> hosts, DemoCityMap map, List<String> districtCodes, List<String> districtNames,
                        List<String> departments) {
        boolean exists = jdbc.sql("SELECT count(*) FROM organization WHERE slug = :slug").param("slug", slug)
            .query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        long id = jdbc.sql("""
                INSERT INTO organization (slug, name, default_language, enabled_languages, time_zone, primary_colour)
                VALUES (:slug, :name, :language, :languages::text[], :zone, :colour) RETURNING id""")
            .param("slug", slug).param("name", name).param("language", language)
            .param("languages", "{" + String.join(",", languages) + "}").param("zone", zone).param("colour", colour)
            .query(Long.class).single();
        for (String host : hosts) {
            jdbc.sql("INSERT INTO organization_host (host, organization_id) VALUES (:host, :id) ON CONFLICT DO NOTHING")
                .param("host", host.trim().toLowerCase(java.util.Locale.ROOT)).param("id", id).update();
        }
        for (DemoCityMap.DistrictShape district : map.districts(districtCodes, districtNames)) {
            jdbc.sql("INSERT INTO district (organization_id, code, name, geometry) VALUES (:id, :code, :name, :geometry)")
                .param("id", id).param("code", district.code()).param("name", district.name())
                .param("geometry", district.geoJson()).update();
        }
        for (String department : departments) {
            String[] parts = department.split(":", 2);
            jdbc.sql("INSERT INTO department (organization_id, code, name) VALUES (:id, :code, :name)")
                .param("id", id).param("code", parts[0]).param("name", parts[1]).update();
        }
        log.info("demo municipality {} created", slug);
    }
}
