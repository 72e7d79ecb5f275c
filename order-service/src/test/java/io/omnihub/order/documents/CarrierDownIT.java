package io.omnihub.order.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.testsupport.TestIdentities;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A carrier API that does not answer: the label request fails with problem+json, then the circuit opens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "omnihub.documents.carrier.type=http", "omnihub.documents.carrier.name=Carrier X",
                "omnihub.documents.carrier.attempts=2", "omnihub.documents.carrier.backoff=10ms",
                "omnihub.documents.carrier.timeout=1s", "omnihub.documents.carrier.open-for=1m"})
@EmbeddedKafka(partitions = 3, topics = Topics.ORDERS_LIFECYCLE)
class CarrierDownIT extends EmbeddedOrderService {

    @DynamicPropertySource
    static void carrier(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        // a port that was free a moment ago: nothing listens there
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int port = closed;
        registry.add("omnihub.documents.carrier.url", () -> "http://127.0.0.1:" + port + "/labels");
    }

    @Autowired
    FulfillmentDocumentsRepository documents;

    @LocalServerPort
    int port;

    // a plain client: TestRestTemplate's would wait out Retry-After and ask again by itself
    final HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> label(String fulfillmentId) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/fulfillments/"
                + fulfillmentId + "/shipping-label")).header(IdentityToken.HEADER,
                        TestIdentities.tokenFor(TestIdentities.OPERATOR)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersBadGatewayThenServiceUnavailableOnceTheCircuitIsOpen() throws Exception {
        Placed placed = acceptedAt("LJ001");

        HttpResponse<String> first = label(placed.fulfillmentId());

        assertThat(first.statusCode()).isEqualTo(HttpStatus.BAD_GATEWAY.value());
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(first.body()).contains("Carrier X");
        HttpResponse<String> later = first;
        for (int call = 0; call < 5 && later.statusCode() == HttpStatus.BAD_GATEWAY.value(); call++) {
            later = label(placed.fulfillmentId());
        }
        assertThat(later.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(later.headers().firstValue("Retry-After")).contains("60");
        assertThat(documents.find(placed.fulfillmentId()).map(FulfillmentDocuments::shippingLabel)).isEmpty();
    }
}
