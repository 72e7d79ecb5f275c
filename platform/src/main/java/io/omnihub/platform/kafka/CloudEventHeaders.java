package io.omnihub.platform.kafka;

/** Header names of CloudEvents' Kafka binary mode, plus omnihub's correlation id. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String CORRELATION_ID = "correlation-id";

    private CloudEventHeaders() {
    }
}
