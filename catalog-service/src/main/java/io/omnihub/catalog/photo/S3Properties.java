package io.omnihub.catalog.photo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the object store holding the photos is ({@code omnihub.s3.*}). */
@ConfigurationProperties("omnihub.s3")
record S3Properties(String endpoint, String accessKey, String secretKey) {
}
