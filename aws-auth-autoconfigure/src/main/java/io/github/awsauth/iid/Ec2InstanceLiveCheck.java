package io.github.awsauth.iid;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.RequestPathCaches;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.SingleFlight;
import io.github.awsauth.core.UpstreamHealth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * The live check with EC2 {@code DescribeInstances}, in the document's region, through the AWS SDK.
 * Answers are remembered per instance for a while (a stopped instance may keep working that long);
 * one call per instance is in flight at a time, outside any lock ({@link SingleFlight}), and a
 * failed call is not remembered. An instance EC2 does not know is not running; EC2 failing or not
 * answering within the timeout is a 503. With a {@link SharedCache}, an answer one instance of the
 * service got serves the others for as long.
 */
public final class Ec2InstanceLiveCheck implements InstanceLiveCheck, AutoCloseable {

	private static final Log logger = LogFactory.getLog(Ec2InstanceLiveCheck.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final String RUNNING = "running";

	private static final String NOT_RUNNING = "not-running";

	private final AwsCredentialsProvider credentials;

	private final @Nullable URI endpoint;

	private final Duration timeout;

	private final Cache<String, Boolean> answers;

	private final ConcurrentMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

	private final Map<String, Ec2Client> clients = new ConcurrentHashMap<>();

	private final UpstreamHealth health;

	private final Duration cacheTtl;

	private volatile SharedCache shared = SharedCache.NONE;

	/**
	 * Create the check.
	 * @param credentials this service's AWS credentials
	 * @param endpoint the EC2 endpoint, or {@code null} for the SDK's of each region
	 * @param timeout how long to wait for EC2
	 * @param cacheTtl how long an answer is remembered
	 * @param cacheSize how many instances are remembered
	 */
	public Ec2InstanceLiveCheck(AwsCredentialsProvider credentials, @Nullable URI endpoint, Duration timeout,
			Duration cacheTtl, int cacheSize) {
		this(credentials, endpoint, timeout, cacheTtl, cacheSize, UpstreamHealth.unreported("ec2"));
	}

	/**
	 * Create the check, recording its calls.
	 * @param credentials this service's AWS credentials
	 * @param endpoint the EC2 endpoint, or {@code null} for the SDK's of each region
	 * @param timeout how long to wait for EC2
	 * @param cacheTtl how long an answer is remembered
	 * @param cacheSize how many instances are remembered
	 * @param health where each call is recorded
	 */
	public Ec2InstanceLiveCheck(AwsCredentialsProvider credentials, @Nullable URI endpoint, Duration timeout,
			Duration cacheTtl, int cacheSize, UpstreamHealth health) {
		this.health = health;
		this.credentials = credentials;
		this.endpoint = endpoint;
		this.timeout = timeout;
		if (cacheTtl.isNegative()) {
			throw new IllegalArgumentException("the live check's cache TTL must not be negative");
		}
		this.cacheTtl = cacheTtl;
		this.answers = RequestPathCaches.newBuilder()
			.expireAfter(Expiry.creating((String instance, Boolean running) -> cacheTtl))
			.maximumSize(cacheSize)
			.recordStats()
			.build();
	}

	/**
	 * What the cache of EC2's answers holds and how often it answered.
	 * @return the statistics
	 */
	public CacheStatistics answerStatistics() {
		return CacheStatistics.of(this.answers);
	}

	/**
	 * Share EC2's answers with the other instances of this service.
	 * @param shared the cache they share
	 */
	public void setSharedCache(SharedCache shared) {
		this.shared = shared;
	}

	@Override
	public boolean isRunning(VerifiedDocument document) {
		String key = document.region() + "/" + document.instanceId();
		Boolean known = this.answers.getIfPresent(key);
		if (known != null) {
			return known;
		}
		return SingleFlight.join(this.inFlight, key, () -> {
			String sharedKey = "iid:" + ((this.endpoint != null) ? this.endpoint + "|" : "") + document.region() + "/"
					+ document.accountId() + "/" + document.instanceId();
			SharedCache.Entry shared = this.shared.get(sharedKey);
			if (shared != null && (RUNNING.equals(shared.value()) || NOT_RUNNING.equals(shared.value()))) {
				boolean running = RUNNING.equals(shared.value());
				// no longer than the instance that asked EC2 may use the answer
				this.answers.policy().expireVariably().orElseThrow().put(key, running, shared.timeLeft(this.cacheTtl));
				return running;
			}
			boolean running;
			try {
				running = describe(document);
				this.health.reached();
			}
			catch (SdkException ex) {
				this.health.unreachable("EC2 DescribeInstances failed in " + document.region());
				logger.warn("The EC2 live check of " + document.instanceId() + " failed: " + ex.getMessage());
				throw AwsAuthenticationException.unavailable("EC2 could not be asked whether the instance runs",
						RETRY_AFTER, null);
			}
			this.answers.put(key, running);
			this.shared.put(sharedKey, running ? RUNNING : NOT_RUNNING, this.cacheTtl);
			return running;
		});
	}

	private boolean describe(VerifiedDocument document) {
		try {
			DescribeInstancesResponse response = client(document.region())
				.describeInstances((request) -> request.instanceIds(document.instanceId()));
			return response.reservations()
				.stream()
				.flatMap((reservation) -> reservation.instances().stream())
				.anyMatch((instance) -> document.instanceId().equals(instance.instanceId())
						&& document.accountId().equals(ownerOf(response, instance.instanceId()))
						&& instance.state() != null && instance.state().name() == InstanceStateName.RUNNING);
		}
		catch (Ec2Exception ex) {
			String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
			if (code != null && code.startsWith("InvalidInstanceID.")) {
				return false;
			}
			throw ex;
		}
	}

	/** The account that owns the reservation of an instance. */
	private static @Nullable String ownerOf(DescribeInstancesResponse response, String instanceId) {
		return response.reservations()
			.stream()
			.filter((reservation) -> reservation.instances()
				.stream()
				.anyMatch((instance) -> instanceId.equals(instance.instanceId())))
			.map((reservation) -> reservation.ownerId())
			.findFirst()
			.orElse(null);
	}

	private Ec2Client client(String region) {
		return this.clients.computeIfAbsent(region, (name) -> {
			var builder = Ec2Client.builder()
				.region(Region.of(name))
				.credentialsProvider(this.credentials)
				.overrideConfiguration((override) -> override.apiCallTimeout(this.timeout));
			if (this.endpoint != null) {
				builder.endpointOverride(this.endpoint);
			}
			return builder.build();
		});
	}

	@Override
	public void close() {
		this.clients.values().forEach(Ec2Client::close);
	}

}
