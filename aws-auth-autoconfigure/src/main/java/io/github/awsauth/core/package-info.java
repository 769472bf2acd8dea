/**
 * What every mechanism shares: the principal, the mechanism names and the mapping of claims to
 * authorities.
 */
@NullMarked
package io.github.awsauth.core;

import org.jspecify.annotations.NullMarked;
