package io.github.awsauth.iam;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who STS says signed a request.
 *
 * @param arn the caller's ARN as STS returned it
 * @param account the account id
 * @param userId the unique id
 * @param expiresAt until when this answer may be reused
 */
public record CallerIdentity(String arn, String account, String userId, Instant expiresAt) {

	/**
	 * What STS answered, as the instances of a service share it: the ARN, account and unique id,
	 * one per line (none of them holds a line break). The expiry is not shared: each instance
	 * reads it from the token it checked.
	 * @return the shared form
	 */
	String toShared() {
		return this.arn + "\n" + this.account + "\n" + this.userId;
	}

	/**
	 * The identity another instance got from STS for a token this instance has checked.
	 * @param shared the shared form, or {@code null} when none was shared
	 * @param expiresAt when the token this instance checked expires
	 * @return the identity, or {@code null} when nothing, or nothing readable, was shared (an ARN
	 * of another account than the one shared with it is not readable)
	 */
	static @Nullable CallerIdentity fromShared(@Nullable String shared, Instant expiresAt) {
		String[] parts = (shared != null) ? shared.split("\n", -1) : new String[0];
		if (parts.length != 3 || parts[2].isEmpty() || !parts[1].matches("[0-9]{12}")) {
			return null;
		}
		String[] arn = parts[0].split(":", 6);
		if (arn.length != 6 || !arn[0].equals("arn") || !arn[4].equals(parts[1])) {
			return null;
		}
		return new CallerIdentity(parts[0], parts[1], parts[2], expiresAt);
	}

}
