package io.omnihub.platform.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

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

    /** The correlation id an event carries, or null (for batch listeners: reopen it per record). */
    public static String correlationId(Headers headers) {
        Header header = headers.lastHeader(CORRELATION_ID);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
