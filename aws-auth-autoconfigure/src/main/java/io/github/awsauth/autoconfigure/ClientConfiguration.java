package io.github.awsauth.autoconfigure;

import java.time.Clock;

import io.github.awsauth.client.AwsClientInterceptors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Outbound: the AWS credentials of this service (the SDK's default chain unless the application
 * has an {@link AwsCredentialsProvider} bean) and the interceptors that use them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ AwsV4HttpSigner.class, DefaultCredentialsProvider.class })
class ClientConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AwsCredentialsProvider awsCredentialsProvider() {
		return DefaultCredentialsProvider.builder().build();
	}

	@Bean
	@ConditionalOnMissingBean
	AwsClientInterceptors awsClientInterceptors(AwsCredentialsProvider credentials, AwsAuthProperties properties) {
		return new AwsClientInterceptors(credentials, properties.getClient(), Clock.systemUTC());
	}

}
