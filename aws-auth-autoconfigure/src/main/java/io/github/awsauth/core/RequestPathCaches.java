package io.github.awsauth.core;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * How the caches that requests read are built: verified credentials, STS's and EC2's answers,
 * signing and ALB keys, remote decisions. Caffeine hands a cache's upkeep (draining the buffers
 * its reads fill, evicting, expiring) to an executor, {@code ForkJoinPool.commonPool()} unless told
 * otherwise, and a cache read on every request then wakes a pool thread hundreds of times a second:
 * a system call on the request's thread and a context switch each time, which cost an authenticated
 * request more than the cache look-up itself (issue 10's end-to-end profile). Here the upkeep runs
 * on the request's own thread: after a write, and once every few dozen reads, usually microseconds;
 * after a quiet spell it also removes what expired meanwhile, which can make one request longer.
 * Every Caffeine cache of the starter is built here.
 */
public final class RequestPathCaches {

	private RequestPathCaches() {
	}

	/**
	 * A Caffeine builder whose cache does its upkeep on the reading or writing thread.
	 * @return a new builder
	 */
	public static Caffeine<Object, Object> newBuilder() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

}
