package io.omnihub.order.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.omnihub.contracts.Buckets;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.testsupport.TestIdentities;
import io.omnihub.testsupport.TestInfrastructure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class DocumentsIT extends EmbeddedOrderService {

    @Autowired
    FulfillmentDocumentsRepository documentsRepository;

    static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    ResponseEntity<JsonNode> putProof(String fulfillmentId, String contentType, byte[] body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        if (token != null) {
            headers.set(IdentityToken.HEADER, token);
        }
        return http.exchange("/api/v1/fulfillments/" + fulfillmentId + "/proof-of-delivery", HttpMethod.PUT,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<byte[]> get(String path, String token, String ifNoneMatch) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.set(IdentityToken.HEADER, token);
        }
        if (ifNoneMatch != null) {
            headers.setIfNoneMatch(ifNoneMatch);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    static String storeToken(String storeId) {
        return TestIdentities.tokenFor(TestIdentities.store(storeId));
    }

    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            return new PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }

    @Test
    void servesTheProofOfDeliveryBackAsUploaded() throws IOException {
        Placed placed = acceptedAt("LJ001");
        byte[] png = image("png");

        ResponseEntity<JsonNode> put = putProof(placed.fulfillmentId(), "image/png", png, storeToken("LJ001"));
        ResponseEntity<JsonNode> retried = putProof(placed.fulfillmentId(), "image/png", png, storeToken("LJ001"));

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getStatusCode()).as("a retry gets the first answer").isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getHeaders().getETag()).isEqualTo(put.getHeaders().getETag());
        assertThat(put.getBody().path("contentType").asString()).isEqualTo("image/png");
        assertThat(put.getBody().path("size").asLong()).isEqualTo(png.length);
        ResponseEntity<byte[]> got = get("/api/v1/fulfillments/" + placed.fulfillmentId() + "/proof-of-delivery",
                storeToken("LJ001"), null);
        assertThat(got.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(got.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(got.getBody()).isEqualTo(png);
        assertThat(got.getHeaders().getETag()).isNotBlank().isEqualTo(put.getHeaders().getETag());
        ResponseEntity<byte[]> again = get("/api/v1/fulfillments/" + placed.fulfillmentId() + "/proof-of-delivery",
                null, got.getHeaders().getETag());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void keepsTheProofInTheDocumentsBucketUnderItsFulfilment() throws Exception {
        Placed placed = acceptedAt("LJ001");
        byte[] jpeg = image("jpg");

        putProof(placed.fulfillmentId(), "image/jpeg", jpeg, null);

        FulfillmentDocuments stored = documents(placed.fulfillmentId());
        assertThat(stored.proofOfDelivery().key()).contains(placed.fulfillmentId()).endsWith(".jpg");
        StatObjectResponse object = TestInfrastructure.s3Client().statObject(StatObjectArgs.builder()
                .bucket(Buckets.DOCUMENTS).object(stored.proofOfDelivery().key()).build());
        assertThat(object.size()).isEqualTo(jpeg.length);
        assertThat(object.contentType()).isEqualTo("image/jpeg");
        assertThat(stored.storeId()).isEqualTo("LJ001");
        assertThat(stored.orderId()).isEqualTo(placed.orderId());
    }

    @Test
    void replacesTheProofAndTakesTheSameOneAgainAsARetry() throws IOException {
        Placed placed = acceptedAt("LJ001");
        putProof(placed.fulfillmentId(), "image/png", image("png"), null);
        byte[] pdf = LabelRenderer.render(new LabelData(List.of("x"), List.of("signed by Ana"), List.of(), "-",
                "OMNI000000005"));

        ResponseEntity<JsonNode> replaced = putProof(placed.fulfillmentId(), "application/pdf", pdf, null);
        ResponseEntity<JsonNode> repeated = putProof(placed.fulfillmentId(), "application/pdf", pdf, null);

        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repeated.getHeaders().getETag()).isEqualTo(replaced.getHeaders().getETag());
        assertThat(repeated.getBody().path("storedAt").asString())
                .isEqualTo(replaced.getBody().path("storedAt").asString());
        ResponseEntity<byte[]> got = get("/api/v1/fulfillments/" + placed.fulfillmentId() + "/proof-of-delivery",
                null, null);
        assertThat(got.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(got.getBody()).isEqualTo(pdf);
    }

    @Test
    void refusesFilesThatAreNotImagesOrPdfsWhateverTheyClaim() throws IOException {
        Placed placed = acceptedAt("LJ001");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> claimed = putProof(placed.fulfillmentId(), "image/jpeg", html, null);
        ResponseEntity<JsonNode> honest = putProof(placed.fulfillmentId(), "text/html", html, null);
        ResponseEntity<JsonNode> mislabelled = putProof(placed.fulfillmentId(), "image/jpeg", image("png"), null);

        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(claimed.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(honest.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(mislabelled.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(get("/api/v1/fulfillments/" + placed.fulfillmentId() + "/proof-of-delivery", null, null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAProofAboveTheSizeLimit() {
        Placed placed = acceptedAt("LJ001");
        byte[] big = new byte[64 * 1024 + 1];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        big[4] = '-';

        ResponseEntity<JsonNode> put = putProof(placed.fulfillmentId(), "application/pdf", big, null);

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(put.getBody().path("detail").asString()).contains(String.valueOf(64 * 1024));
    }

    @Test
    void anotherStoresKeyReachesNoneOfTheDocuments() throws IOException {
        Placed placed = acceptedAt("LJ001");
        String path = "/api/v1/fulfillments/" + placed.fulfillmentId();
        putProof(placed.fulfillmentId(), "image/png", image("png"), storeToken("LJ001"));

        assertThat(putProof(placed.fulfillmentId(), "image/png", image("png"), storeToken("LJ002"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(path + "/proof-of-delivery", storeToken("LJ002"), null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(path + "/shipping-label", storeToken("LJ002"), null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/orders/" + placed.orderId() + "/tracking", storeToken("LJ002"), null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // nothing was generated for the intruder either
        assertThat(documents(placed.fulfillmentId()).shippingLabel()).isNull();
    }

    @Test
    void answersNotFoundForAnUnknownFulfilment() {
        assertThat(get("/api/v1/fulfillments/ful-nope-1/shipping-label", null, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/fulfillments/ful-nope-1/proof-of-delivery", null, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/orders/ord-nope/tracking", null, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void printsALabelForTheRecipientWithABarcodeOfTheTrackingCode() throws IOException {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String store = "{\"name\": \"Loja Paulista\", \"latitude\": -23.5614, \"longitude\": -46.6559, "
                + "\"journeys\": [\"SHIP_FROM_STORE\"], \"dailyCapacity\": 200, \"priority\": 1, "
                + "\"address\": {\"street\": \"Rua Augusta\", \"number\": \"1500\", \"city\": \"São Paulo\", "
                + "\"state\": \"SP\", \"postalCode\": \"01304-001\"}}";
        assertThat(http.exchange("/api/v1/stores/LJ001", HttpMethod.PUT, new HttpEntity<>(store, json),
                String.class).getStatusCode().is2xxSuccessful()).isTrue();
        Placed placed = acceptedAt("LJ001");

        ResponseEntity<byte[]> label = get("/api/v1/fulfillments/" + placed.fulfillmentId() + "/shipping-label",
                storeToken("LJ001"), null);

        assertThat(label.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(label.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String trackingCode = label.getHeaders().getFirst(ShippingLabelController.TRACKING_CODE);
        assertThat(TrackingCodes.isValid(trackingCode)).as(trackingCode).isTrue();
        assertThat(text(label.getBody())).contains("Ana Souza", "Av. Paulista, 1000", "01310-100 São Paulo",
                "Order " + placed.orderId(), "Channel order " + placed.channelOrderId(),
                "Fulfilment " + placed.fulfillmentId(), "Loja Paulista (LJ001)", "Rua Augusta, 1500", "01304-001",
                trackingCode);
    }

    @Test
    void servesTheSameLabelAndTrackingCodeOnEveryLaterRequest() {
        Placed placed = acceptedAt("LJ001");
        String path = "/api/v1/fulfillments/" + placed.fulfillmentId() + "/shipping-label";

        ResponseEntity<byte[]> first = get(path, null, null);
        ResponseEntity<byte[]> second = get(path, storeToken("LJ001"), null);

        assertThat(second.getHeaders().getFirst(ShippingLabelController.TRACKING_CODE))
                .isEqualTo(first.getHeaders().getFirst(ShippingLabelController.TRACKING_CODE));
        assertThat(second.getBody()).isEqualTo(first.getBody());
        FulfillmentDocuments.ShippingLabel stored = documents(placed.fulfillmentId()).shippingLabel();
        assertThat(stored.trackingCode()).isEqualTo(first.getHeaders().getFirst(ShippingLabelController.TRACKING_CODE));
        assertThat(stored.key()).contains(placed.fulfillmentId());
    }

    @Test
    void agreesOnOneTrackingCodeWhenTheFirstRequestsCrossPaths() {
        Placed placed = acceptedAt("LJ001");
        String path = "/api/v1/fulfillments/" + placed.fulfillmentId() + "/shipping-label";

        List<CompletableFuture<ResponseEntity<byte[]>>> requests = List.of(
                CompletableFuture.supplyAsync(() -> get(path, null, null)),
                CompletableFuture.supplyAsync(() -> get(path, null, null)),
                CompletableFuture.supplyAsync(() -> get(path, null, null)));

        List<String> codes = requests.stream().map(CompletableFuture::join)
                .map(response -> response.getHeaders().getFirst(ShippingLabelController.TRACKING_CODE)).toList();
        assertThat(codes).doesNotContainNull().containsOnly(documents(placed.fulfillmentId()).shippingLabel()
                .trackingCode());
    }

    @Test
    void printsNoLabelForAParcelTheCustomerCollects() {
        Map<String, List<String>> split = new LinkedHashMap<>();
        split.put("LJ003", List.of("7891000000007"));
        Placed placed = accepted("site-1", Journey.PICKUP_IN_STORE, Instant.now(),
                List.of(new Line("7891000000007", "3266", "Acme", "Shoes", 1, "10.00")), split);

        ResponseEntity<byte[]> label = get("/api/v1/fulfillments/" + placed.fulfillmentId() + "/shipping-label",
                null, null);

        assertThat(label.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void tracksEveryFulfilmentWithItsStatusesCarrierAndDocuments() throws IOException {
        Map<String, List<String>> split = new LinkedHashMap<>();
        split.put("LJ001", List.of("7891000000007"));
        split.put("LJ002", List.of("7891000000014"));
        Placed placed = accepted("site-1", Journey.SHIP_FROM_STORE, Instant.now(), List.of(
                new Line("7891000000007", "3266", "Acme", "Shoes", 1, "10.00"),
                new Line("7891000000014", "3267", "Acme", "Socks", 1, "5.00")), split);
        String atLj001 = placed.fulfillmentIds().get(0);
        String atLj002 = placed.fulfillmentIds().get(1);
        String trackingCode = get("/api/v1/fulfillments/" + atLj001 + "/shipping-label", null, null).getHeaders()
                .getFirst(ShippingLabelController.TRACKING_CODE);
        moveTo(placed, atLj001, FulfillmentStatus.IN_TRANSIT, "omnihub", trackingCode);
        moveTo(placed, atLj001, FulfillmentStatus.DELIVERED, null, null);
        putProof(atLj001, "image/png", image("png"), null);

        ResponseEntity<JsonNode> tracking = http.getForEntity("/api/v1/orders/" + placed.orderId() + "/tracking",
                JsonNode.class);

        assertThat(tracking.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = tracking.getBody();
        assertThat(body.path("channelOrderId").asString()).isEqualTo(placed.channelOrderId());
        assertThat(body.path("fulfillments")).hasSize(2);
        JsonNode delivered = body.path("fulfillments").get(0);
        assertThat(delivered.path("fulfillmentId").asString()).isEqualTo(atLj001);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("statusCode").asInt()).isEqualTo(4);
        assertThat(delivered.path("carrier").asString()).isEqualTo("omnihub");
        assertThat(delivered.path("trackingCode").asString()).isEqualTo(trackingCode);
        assertThat(delivered.path("timeline").valueStream().map(step -> step.path("status").asString()))
                .containsExactly("CREATED", "ASSIGNED", "ACCEPTED", "IN_TRANSIT", "DELIVERED");
        assertThat(delivered.path("timeline").valueStream().map(step -> Instant.parse(step.path("at").asString())))
                .isSorted();
        assertThat(delivered.path("documents").path("proofOfDelivery").path("href").asString())
                .isEqualTo("/api/v1/fulfillments/" + atLj001 + "/proof-of-delivery");
        assertThat(delivered.path("documents").path("shippingLabel").path("trackingCode").asString())
                .isEqualTo(trackingCode);
        JsonNode waiting = body.path("fulfillments").get(1);
        assertThat(waiting.path("storeId").asString()).isEqualTo("LJ002");
        assertThat(waiting.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(waiting.path("documents").path("proofOfDelivery").isNull()).isTrue();
        assertThat(waiting.path("documents").path("shippingLabel").isNull()).isTrue();
    }

    @Test
    void aStoreTracksOnlyItsOwnFulfilmentsOfASplitOrder() {
        Map<String, List<String>> split = new LinkedHashMap<>();
        split.put("LJ001", List.of("7891000000007"));
        split.put("LJ002", List.of("7891000000014"));
        Placed placed = accepted("site-1", Journey.SHIP_FROM_STORE, Instant.now(), List.of(
                new Line("7891000000007", "3266", "Acme", "Shoes", 1, "10.00"),
                new Line("7891000000014", "3267", "Acme", "Socks", 1, "5.00")), split);
        HttpHeaders headers = new HttpHeaders();
        headers.set(IdentityToken.HEADER, storeToken("LJ002"));

        ResponseEntity<JsonNode> tracking = http.exchange("/api/v1/orders/" + placed.orderId() + "/tracking",
                HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);

        assertThat(tracking.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tracking.getBody().path("fulfillments").valueStream().map(f -> f.path("storeId").asString()))
                .containsExactly("LJ002");
    }

    FulfillmentDocuments documents(String fulfillmentId) {
        return documentsRepository.find(fulfillmentId).orElseThrow();
    }
}
