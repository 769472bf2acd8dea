/**
 * SigV4 with keys this service issued: callers outside AWS sign the real request, the service
 * holds the secret and verifies the signature itself.
 */
@NullMarked
package io.github.awsauth.sigv4;

import org.jspecify.annotations.NullMarked;
