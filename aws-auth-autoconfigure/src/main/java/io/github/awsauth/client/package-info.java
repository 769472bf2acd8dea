/**
 * Outbound: interceptors that authenticate this service's own requests with its AWS credentials.
 */
@NullMarked
package io.github.awsauth.client;

import org.jspecify.annotations.NullMarked;
