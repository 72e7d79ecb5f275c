package io.omnihub.order.documents;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A carrier's label API over HTTP. omnihub POSTs the shipment as JSON to the configured URL (bearer token when set);
 * the carrier answers {@code {"trackingCode": "…", "label": "<base64 PDF>"}}. Network errors and 5xx are retried
 * with back-off; a carrier that keeps failing opens the circuit, and labels are refused at once (503) until it has
 * had time to recover. A 4xx, or an answer without a tracking code or a PDF, is the carrier's refusal (502).
 */
class HttpCarrier implements CarrierPort {

    private static final Pattern TRACKING_CODE = Pattern.compile("[A-Za-z0-9-]{4,40}");

    private final DocumentsProperties.Carrier config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;

    HttpCarrier(DocumentsProperties.Carrier config, ObjectMapper json) {
        if (config.url() == null || config.url().toString().isBlank()) {
            throw new IllegalStateException("omnihub.documents.carrier.url is required for the http carrier");
        }
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.retry = Retry.of("carrier", RetryConfig.custom().maxAttempts(config.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(config.backoff(), 2.0))
                .retryOnException(HttpCarrier::worthRetrying).build());
        this.breaker = CircuitBreaker.of("carrier", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(config.openFor())
                // a refusal of one shipment says nothing about the carrier's health
                .ignoreExceptions(CarrierRefusal.class).build());
    }

    @Override
    public CarrierLabel book(Shipment shipment) {
        byte[] body = json.writeValueAsBytes(request(shipment));
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, () -> call(body))).get();
        } catch (CallNotPermittedException e) {
            throw new CarrierUnavailableException("The carrier " + config.name()
                    + " failed repeatedly; omnihub stopped asking it for a while", true, e);
        } catch (CarrierRefusal e) {
            throw new CarrierUnavailableException(e.getMessage(), false, e);
        } catch (RuntimeException e) {
            throw new CarrierUnavailableException("The carrier " + config.name() + " did not answer: "
                    + e.getMessage(), false, e);
        }
    }

    CircuitBreaker.State circuit() {
        return breaker.getState();
    }

    private CarrierLabel call(byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url()).timeout(config.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (config.token() != null && !config.token().isBlank()) {
            request.header("Authorization", "Bearer " + config.token());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the carrier", e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new CarrierServerError("The carrier " + config.name() + " answered " + status);
        }
        if (status >= 300) {
            throw new CarrierRefusal("The carrier " + config.name() + " refused the shipment (" + status + ")");
        }
        return label(response.body());
    }

    private CarrierLabel label(byte[] body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException e) {
            throw new CarrierRefusal("The carrier " + config.name() + " answered something that is not JSON");
        }
        String trackingCode = answer.path("trackingCode").asString("");
        if (!TRACKING_CODE.matcher(trackingCode).matches()) {
            throw new CarrierRefusal("The carrier " + config.name() + " gave no usable tracking code");
        }
        byte[] pdf;
        try {
            pdf = Base64.getDecoder().decode(answer.path("label").asString(""));
        } catch (IllegalArgumentException e) {
            throw new CarrierRefusal("The carrier " + config.name() + " sent a label that is not base64");
        }
        if (DocumentType.sniff(pdf).filter(DocumentType.PDF::equals).isEmpty()) {
            throw new CarrierRefusal("The carrier " + config.name() + " sent a label that is not a PDF");
        }
        return new CarrierLabel(config.name(), trackingCode, pdf);
    }

    private Map<String, Object> request(Shipment shipment) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reference", shipment.fulfillmentId());
        request.put("orderId", shipment.orderId());
        request.put("channelOrderId", shipment.channelOrderId());
        request.put("sender", shipment.sender());
        request.put("recipient", shipment.recipient());
        return request;
    }

    private static boolean worthRetrying(Throwable error) {
        return error instanceof UncheckedIOException || error instanceof CarrierServerError;
    }

    /** The carrier is down or overloaded: worth another try. */
    private static final class CarrierServerError extends RuntimeException {
        CarrierServerError(String message) {
            super(message);
        }
    }

    /** The carrier said no to this shipment, or answered nonsense: trying again gives the same. */
    private static final class CarrierRefusal extends RuntimeException {
        CarrierRefusal(String message) {
            super(message);
        }
    }
}
