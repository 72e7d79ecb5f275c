package io.omnihub.testsupport;

import io.omnihub.contracts.identity.IdentityToken;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;

/** A service test's TestRestTemplate calls as the operator, like a request through the gateway would. */
@AutoConfiguration
@ConditionalOnClass(RestTemplateCustomizer.class)
class TestIdentityConfiguration {

    @Bean
    RestTemplateCustomizer operatorIdentity() {
        return restTemplate -> restTemplate.getInterceptors().add((request, body, execution) -> {
            if (!request.getHeaders().containsHeader(IdentityToken.HEADER)) {
                request.getHeaders().set(IdentityToken.HEADER, TestIdentities.tokenFor(TestIdentities.OPERATOR));
            }
            return execution.execute(request, body);
        });
    }
}
