/**
 * Machines with IAM credentials: a signed {@code sts:GetCallerIdentity} request, forwarded to STS,
 * which answers with the caller's ARN.
 */
@NullMarked
package io.github.awsauth.iam;

import org.jspecify.annotations.NullMarked;
