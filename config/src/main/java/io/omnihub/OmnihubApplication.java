package io.omnihub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The hub: every module's components, routes and endpoints in one Spring Boot application. */
@SpringBootApplication
public class OmnihubApplication {

    public static void main(String[] args) {
        SpringApplication.run(OmnihubApplication.class, args);
    }
}
