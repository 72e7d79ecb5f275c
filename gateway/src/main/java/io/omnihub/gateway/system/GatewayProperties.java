package io.omnihub.gateway.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits the gateway enforces itself, under {@code omnihub.gateway}. */
@ConfigurationProperties("omnihub.gateway")
record GatewayProperties(@DefaultValue("100MB") DataSize maxRequestSize) {
}
