/**
 * Users an Application Load Balancer authenticated: its signed {@code x-amzn-oidc-data} header.
 */
@NullMarked
package io.github.awsauth.alb;

import org.jspecify.annotations.NullMarked;
