package io.github.awsauth.iam;

import java.time.Instant;

/**
 * Who STS says signed a request.
 *
 * @param arn the caller's ARN as STS returned it
 * @param account the account id
 * @param userId the unique id
 * @param expiresAt until when this answer may be reused
 */
public record CallerIdentity(String arn, String account, String userId, Instant expiresAt) {

}
