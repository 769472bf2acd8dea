package io.github.awsauth.sample.idp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * An offline stand-in for a Cognito user pool: Spring Security's authorization server issuing
 * Cognito-shaped tokens for demo users and a demo machine client. Demo only: users, passwords and
 * keys live in memory and are made at start-up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ LocalIdpSecurity.class, DemoDirectory.class })
public class LocalIdpApplication {

}
