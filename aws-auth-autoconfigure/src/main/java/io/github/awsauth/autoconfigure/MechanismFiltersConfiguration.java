package io.github.awsauth.autoconfigure;

import java.util.List;
import java.util.Objects;

import io.github.awsauth.core.AwsAuthenticationMechanism;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.CompositeFilter;

/**
 * Registers the mechanisms' preparing filters with the servlet container, ahead of every filter
 * that may read a request body: Spring's {@code HiddenHttpMethodFilter} (order -10000) and
 * {@code FormContentFilter} (-9900) read form bodies before the security chain (-100) runs. Whatever
 * filter chain the application has, a SigV4 body is captured before anything else reads it.
 */
@Configuration(proxyBeanMethods = false)
class MechanismFiltersConfiguration {

	/** After character encoding, Spring Session and observation, before anything reads a body. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	@Bean
	FilterRegistrationBean<CompositeFilter> awsAuthPreparingFilters(
			ObjectProvider<AwsAuthenticationMechanism> mechanisms) {
		List<Filter> filters = mechanisms.orderedStream()
			.map(AwsAuthenticationMechanism::preparingFilter)
			.filter(Objects::nonNull)
			.toList();
		CompositeFilter composite = new CompositeFilter();
		composite.setFilters(filters);
		FilterRegistrationBean<CompositeFilter> registration = new FilterRegistrationBean<>(composite);
		registration.setName("awsAuthPreparingFilters");
		registration.setOrder(ORDER);
		registration.setEnabled(!filters.isEmpty());
		return registration;
	}

}
