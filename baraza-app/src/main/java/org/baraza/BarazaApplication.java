package org.baraza;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Baraza: a people-centred smart-city platform for local governments. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BarazaApplication {

    /** Commands run and exit; they need the database, not the web server (see docs/operations.md). */
    private static final String[] COMMANDS = {"verify-audit-log"};

    public static void main(String[] args) {
        SpringApplication.run(BarazaApplication.class, withoutWebServerForCommands(args));
    }

    static String[] withoutWebServerForCommands(String[] args) {
        boolean command = Arrays.stream(args).anyMatch(arg -> Arrays.asList(COMMANDS).contains(arg));
        if (!command) {
            return args;
        }
        return Stream.concat(Arrays.stream(args),
            Stream.of("--spring.main.web-application-type=none", "--spring.main.lazy-initialization=true")).toArray(String[]::new);
    }
}
