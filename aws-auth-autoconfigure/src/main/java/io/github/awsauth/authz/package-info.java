/**
 * Authorization whatever authenticated the caller: route rules from properties.
 */
@NullMarked
package io.github.awsauth.authz;

import org.jspecify.annotations.NullMarked;
