package io.omnihub.gateway.security;

import io.omnihub.contracts.identity.IdentityToken;
import java.time.Clock;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keys in force and the signer of the identity the services verify. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean(destroyMethod = "close")
    ApiKeyRegistry apiKeyRegistry(SecurityProperties properties) {
        return new ApiKeyRegistry(properties);
    }

    @Bean
    IdentityRelayFilter identityRelayFilter(GatewayProperties gateway, SecurityProperties properties) {
        // no secret, no gateway: the services would refuse every request anyway (IdentityToken says what to set)
        return new IdentityRelayFilter(gateway, new IdentityToken(properties.identitySecret()), properties.tokenTtl(),
                Clock.systemUTC());
    }
}
