package org.baraza;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Baraza: a people-centred smart-city platform for local governments. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BarazaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BarazaApplication.class, org.baraza.platform.audit.AuditLogCommand.arguments(args));
    }
}
