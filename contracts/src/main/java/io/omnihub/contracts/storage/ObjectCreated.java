package io.omnihub.contracts.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The part of an S3 bucket notification (as MinIO writes it on {@code storage.inbox-events}) that
 * omnihub reads: which objects were created. Written by MinIO, not by omnihub.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectCreated(@JsonProperty("Records") List<Record> records) {

    /** One created object. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(S3 s3) {

        public String bucket() {
            return s3.bucket().name();
        }

        /** S3 notifications URL-encode the key ({@code 3266+2.jpg}); this is the real key. */
        public String key() {
            return URLDecoder.decode(s3.object().key(), StandardCharsets.UTF_8);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3(Bucket bucket, @JsonProperty("object") S3Object object) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Object(String key, String eTag) {
    }
}
