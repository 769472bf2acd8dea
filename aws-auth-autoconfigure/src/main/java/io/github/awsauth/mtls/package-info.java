/**
 * Mutual TLS: machines with an X.509 client certificate, verified by the servlet container or
 * presented by an Application Load Balancer in its mTLS headers from a trusted proxy.
 */
@NullMarked
package io.github.awsauth.mtls;

import org.jspecify.annotations.NullMarked;
