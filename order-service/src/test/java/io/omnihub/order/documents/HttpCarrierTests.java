package io.omnihub.order.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP carrier adapter against a real HTTP server standing in for a carrier's label API. */
class HttpCarrierTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final byte[] PDF = LabelRenderer.render(new LabelData(List.of("Carrier X"), List.of("Ana Souza"),
            List.of("Order ord-42"), "Carrier X", "CX123456789BR"));

    record Answer(int status, String body) {
    }

    record Seen(String authorization, JsonNode body) {
    }

    HttpServer server;
    final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/labels", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void answer(HttpExchange exchange) throws IOException {
        seen.add(new Seen(exchange.getRequestHeaders().getFirst("Authorization"),
                JSON.readTree(exchange.getRequestBody().readAllBytes())));
        Answer answer = script.isEmpty() ? new Answer(500, "{}") : script.poll();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    HttpCarrier carrier(int attempts) {
        return new HttpCarrier(new DocumentsProperties.Carrier(DocumentsProperties.CarrierType.HTTP, "Carrier X",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/labels"), "s3cret",
                Duration.ofSeconds(2), attempts, Duration.ofMillis(5), Duration.ofMinutes(1)), JSON);
    }

    static String label(String trackingCode, byte[] pdf) {
        return JSON.writeValueAsString(Map.of("trackingCode", trackingCode,
                "label", Base64.getEncoder().encodeToString(pdf)));
    }

    @Test
    void booksTheShipmentWithTheCarrierAndKeepsItsCodeAndLabel() {
        script.add(new Answer(201, label("CX123456789BR", PDF)));

        CarrierLabel booked = carrier(3).book(LabelTests.shipment(LabelTests.STORE, LabelTests.ANA, "ECOM-1001"));

        assertThat(booked.carrier()).isEqualTo("Carrier X");
        assertThat(booked.trackingCode()).isEqualTo("CX123456789BR");
        assertThat(booked.pdf()).isEqualTo(PDF);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).authorization()).isEqualTo("Bearer s3cret");
        JsonNode sent = seen.get(0).body();
        assertThat(sent.path("reference").asString()).isEqualTo("ful-42-1");
        assertThat(sent.path("channelOrderId").asString()).isEqualTo("ECOM-1001");
        assertThat(sent.path("recipient").path("name").asString()).isEqualTo("Ana Souza");
        assertThat(sent.path("recipient").path("address").path("postalCode").asString()).isEqualTo("01310-100");
        assertThat(sent.path("sender").path("name").asString()).isEqualTo("Loja Paulista (LJ001)");
    }

    @Test
    void triesAgainWhenTheCarrierIsBrieflyDown() {
        script.add(new Answer(503, "{}"));
        script.add(new Answer(502, "{}"));
        script.add(new Answer(200, label("CX000000001BR", PDF)));

        CarrierLabel booked = carrier(3).book(LabelTests.shipment(LabelTests.STORE, LabelTests.ANA, null));

        assertThat(booked.trackingCode()).isEqualTo("CX000000001BR");
        assertThat(seen).hasSize(3);
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsAsABadGateway() {
        CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
                () -> carrier(3).book(LabelTests.shipment(LabelTests.STORE, LabelTests.ANA, null)));

        assertThat(failure.circuitOpen()).isFalse();
        assertThat(failure).hasMessageContaining("500");
        assertThat(seen).hasSize(3);
    }

    @Test
    void doesNotRetryWhatTheCarrierRefused() {
        script.add(new Answer(422, "{\"error\": \"postal code unknown\"}"));

        CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
                () -> carrier(3).book(LabelTests.shipment(LabelTests.STORE, LabelTests.ANA, null)));

        assertThat(failure.circuitOpen()).isFalse();
        assertThat(failure).hasMessageContaining("refused").hasMessageContaining("422");
        assertThat(seen).hasSize(1);
    }

    @Test
    void refusesALabelThatIsNotAPdf() {
        script.add(new Answer(200, label("CX000000002BR", "<html>label</html>".getBytes(StandardCharsets.UTF_8))));

        CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
                () -> carrier(3).book(LabelTests.shipment(LabelTests.STORE, LabelTests.ANA, null)));

        assertThat(failure).hasMessageContaining("not a PDF");
        assertThat(seen).hasSize(1);
    }

    @Test
    void refusesAnAnswerWithoutTrackingCode() {
        script.add(new Answer(200, JSON.writeValueAsString(Map.of("label",
                Base64.getEncoder().encodeToString(PDF)))));

        CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
                () -> carrier(3).book(LabelTests.shipment(LabelTests.STORE, LabelTests.ANA, null)));

        assertThat(failure).hasMessageContaining("tracking code");
    }

    @Test
    void stopsAskingACarrierThatKeepsFailing() {
        HttpCarrier carrier = carrier(1);
        Shipment shipment = LabelTests.shipment(LabelTests.STORE, LabelTests.ANA, null);
        for (int call = 0; call < 5; call++) {
            catchThrowableOfType(CarrierUnavailableException.class, () -> carrier.book(shipment));
        }
        int calls = seen.size();

        CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
                () -> carrier.book(shipment));

        assertThat(carrier.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(failure.circuitOpen()).isTrue();
        assertThat(seen).hasSize(calls);
    }

    @Test
    void countsAnUnreachableCarrierAsAFailure() {
        HttpCarrier carrier = carrier(2);
        server.stop(0);

        CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
                () -> carrier.book(LabelTests.shipment(LabelTests.STORE, LabelTests.ANA, null)));

        assertThat(failure.circuitOpen()).isFalse();
        assertThat(failure).hasMessageContaining("did not answer");
    }
}
