package io.omnihub.platform.security;

import io.omnihub.contracts.identity.IdentityToken;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses every {@code /api/**} request that does not carry an identity signed by the gateway
 * ({@code omnihub.security.identity-secret}, env {@code OMNIHUB_IDENTITY_SECRET}: a service will not start
 * without it) and lets controllers take the caller's {@code Identity} as a parameter.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration implements WebMvcConfigurer {

    @Bean
    IdentityToken identityToken(@Value("${omnihub.security.identity-secret:${OMNIHUB_IDENTITY_SECRET:}}") String secret) {
        return new IdentityToken(secret);
    }

    @Bean
    FilterRegistrationBean<IdentityFilter> identityFilter(IdentityToken tokens) {
        var registration = new FilterRegistrationBean<>(new IdentityFilter(tokens, Clock.systemUTC()));
        // after the correlation id, so that a refusal is logged and answered with it
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IdentityArgumentResolver());
    }
}
