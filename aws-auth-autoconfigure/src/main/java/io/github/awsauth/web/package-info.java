/**
 * Web glue: the {@code AwsAuthConfigurer} DSL and the 401/403 responses.
 */
@NullMarked
package io.github.awsauth.web;

import org.jspecify.annotations.NullMarked;
