package io.github.awsauth.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Refuses to start when a property under {@code aws.auth} is unknown: a misspelled key
 * ({@code authorisation}, {@code isuers}, {@code any-off}) would otherwise be ignored, and a
 * misspelled route rule is an open route. Runs as {@link AwsAuthProperties} is created, before any
 * bean reads it. Environment variables are not checked: {@code AWS_AUTH_*} names belong to the AWS
 * SDKs too (such as {@code AWS_AUTH_SCHEME_PREFERENCE}).
 */
final class UnknownPropertiesCheck implements BeanPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AwsAuthProperties) {
			check(this.environment);
		}
		return bean;
	}

	static void check(Environment environment) {
		BindHandler strict = new NoUnboundElementsBindHandler(BindHandler.DEFAULT,
				UnknownPropertiesCheck::isChecked);
		try {
			Binder.get(environment).bind(AwsAuthProperties.PREFIX, Bindable.ofInstance(new AwsAuthProperties()), strict);
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
				String names = unbound.getUnboundProperties()
					.stream()
					.map(ConfigurationProperty::getName)
					.map(Object::toString)
					.sorted()
					.collect(Collectors.joining(", "));
				throw new AwsAuthConfigurationException(names, "unknown property",
						"Correct or remove it: every property of the starter is listed in docs/configuration.md. "
								+ "A key of a map of patterns goes in brackets, for example "
								+ "aws.auth.iam.principals[arn:aws:iam::123456789012:role/worker].");
			}
			// any other binding failure is reported by the binding of AwsAuthProperties itself
		}
	}

	private static boolean isChecked(ConfigurationPropertySource source) {
		return !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource);
	}

}
