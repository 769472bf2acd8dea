package io.github.awsauth.core;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * What the starter knows of one upstream it calls (STS, the ALB key endpoint, EC2, OPA, Verified
 * Permissions), from the calls it made: when one last reached it, when one was last tried, and why
 * the last one failed. The client of the upstream records each call; the health support reports
 * it, without calling the upstream itself.
 */
public final class UpstreamHealth {

	private final String name;

	private final String endpoint;

	private final Clock clock;

	private volatile @Nullable Instant lastReached;

	private volatile @Nullable Instant lastAttempt;

	private volatile @Nullable String lastFailure;

	private final LongAdder answered = new LongAdder();

	private final LongAdder failed = new LongAdder();

	/**
	 * Create the record of an upstream.
	 * @param name the name it is reported under, for example {@code sts}
	 * @param endpoint where it is, without credentials
	 * @param clock the clock
	 */
	public UpstreamHealth(String name, String endpoint, Clock clock) {
		this.name = name;
		this.endpoint = endpoint;
		this.clock = clock;
	}

	/**
	 * A record of an upstream that is not reported anywhere, for a client used on its own.
	 * @param name the upstream's name
	 * @return the record
	 */
	public static UpstreamHealth unreported(String name) {
		return new UpstreamHealth(name, "", Clock.systemUTC());
	}

	/** A call reached the upstream and it answered (whatever it said of the credential). */
	public void reached() {
		Instant now = this.clock.instant();
		this.lastAttempt = now;
		this.lastReached = now;
		this.lastFailure = null;
		this.answered.increment();
	}

	/**
	 * A call did not get an answer the starter could use.
	 * @param why what went wrong, in words safe to show an operator
	 */
	public void unreachable(String why) {
		this.lastAttempt = this.clock.instant();
		this.lastFailure = why;
		this.failed.increment();
	}

	/**
	 * The upstream's state.
	 * @return the state
	 */
	public Status status() {
		return new Status(this.name, this.endpoint, this.lastReached, this.lastAttempt, this.lastFailure,
				this.answered.sum(), this.failed.sum());
	}

	/**
	 * The state of an upstream.
	 *
	 * @param name the name it is reported under
	 * @param endpoint where it is
	 * @param lastReached when a call last reached it, or {@code null} if none did
	 * @param lastAttempt when it was last called, or {@code null} if never
	 * @param lastFailure why the last call failed, or {@code null} if it did not
	 * @param answered how many calls it answered
	 * @param failed how many calls got no answer the starter could use
	 */
	public record Status(String name, String endpoint, @Nullable Instant lastReached, @Nullable Instant lastAttempt,
			@Nullable String lastFailure, long answered, long failed) {

	}

}
