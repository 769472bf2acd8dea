package io.github.awsauth.sample.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample service: its security is the starter's auto-configuration, set up in
 * {@code application.yml}.
 */
@SpringBootApplication
public class ApiApplication {

}
