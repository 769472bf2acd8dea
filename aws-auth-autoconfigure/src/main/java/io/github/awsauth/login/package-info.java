/**
 * Browser sign-in: Spring Security's oauth2Login with Cognito conveniences, users as
 * {@code AwsPrincipal}s with mechanism {@code login}.
 */
@NullMarked
package io.github.awsauth.login;

import org.jspecify.annotations.NullMarked;
