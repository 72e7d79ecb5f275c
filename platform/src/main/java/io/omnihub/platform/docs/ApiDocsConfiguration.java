package io.omnihub.platform.docs;

import io.omnihub.contracts.identity.Identity;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Makes a service's {@code /v3/api-docs} describe the API as integrators call it: through the gateway (the server
 * is the document's own origin, so the gateway's Swagger UI sends "try it out" to the gateway), with the
 * {@code X-Api-Key} header, and without the {@code Identity} parameter controllers take (the gateway's signed
 * identity, not something a caller sends).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ApiDocsConfiguration {

    /** The name of the security scheme in the documents. */
    public static final String API_KEY_SCHEME = "apiKey";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Identity.class);
    }

    @Bean
    OpenApiCustomizer omnihubGatewayView() {
        return openApi -> {
            openApi.setServers(List.of(new Server().url("/")
                    .description("the gateway (locally http://127.0.0.1:8080): every /api call needs X-Api-Key")));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER)
                    .name("X-Api-Key")
                    .description("The API key of your client (roles ERP, CHANNEL, STORE, OPERATOR; a store scope)."));
            openApi.setComponents(components);
            openApi.setSecurity(List.of(new SecurityRequirement().addList(API_KEY_SCHEME)));
        };
    }
}
