package io.omnihub.testsupport;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Gives tests the identity secret of {@link TestIdentities}, below every other source (a test may set its own). */
class TestIdentitySecret implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("omnihub-test-identity",
                Map.of("omnihub.security.identity-secret", TestIdentities.SECRET)));
    }
}
