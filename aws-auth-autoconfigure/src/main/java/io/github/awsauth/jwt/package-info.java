/**
 * Bearer JWTs from Cognito user pools and any OIDC issuer, on Spring Security's resource-server
 * support and Nimbus.
 */
@NullMarked
package io.github.awsauth.jwt;

import org.jspecify.annotations.NullMarked;
