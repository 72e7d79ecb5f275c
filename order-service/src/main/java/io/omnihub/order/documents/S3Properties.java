package io.omnihub.order.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the object store holding the documents is ({@code omnihub.s3.*}, from S3_ENDPOINT, S3_ACCESS_KEY and
 * S3_SECRET_KEY); the defaults are the local stack's.
 */
@ConfigurationProperties("omnihub.s3")
record S3Properties(@DefaultValue("http://127.0.0.1:9000") String endpoint, @DefaultValue("omnihub") String accessKey,
        @DefaultValue("omnihub-secret") String secretKey) {
}
