/**
 * Auto-configuration of the starter: {@code AwsAuthAutoConfiguration}, {@code AwsAuthProperties}
 * and one package-private configuration per concern.
 */
@NullMarked
package io.github.awsauth.autoconfigure;

import org.jspecify.annotations.NullMarked;
