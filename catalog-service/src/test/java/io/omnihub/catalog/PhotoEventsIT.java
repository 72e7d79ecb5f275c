package io.omnihub.catalog;

import static io.omnihub.catalog.ProductsTopic.PHOTO_ATTACHED;
import static io.omnihub.catalog.ProductsTopic.PRODUCT_UPSERTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.PutObjectArgs;
import io.omnihub.contracts.Golden;
import io.omnihub.testsupport.Fixtures;
import io.omnihub.testsupport.TestInfrastructure;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Photos end to end: images in the S3 archive, {@code PhotoAttached} on {@code catalog.products} (before or
 * after their product), the products API listing them and serving their bytes.
 */
class PhotoEventsIT extends ProductsTopicTest {

    private static final String ARCHIVE = "omnihub-archive";

    @Test
    void photosArrivingBeforeTheirProductAreAttachedInSequenceOrderWhenItArrives() throws Exception {
        String reference = reference("ANTES");
        String importId = importId();
        byte[] first = Fixtures.bytes("photos/1001 1.png");
        byte[] second = Fixtures.bytes("photos/1001 2.png");
        String firstKey = archive(importId, reference + " 1.png", first);
        String secondKey = archive(importId, reference + " 2.png", second);

        topic.send(reference, PHOTO_ATTACHED, ProductsTopic.photo(reference, 2, secondKey, second.length,
                "2026-11-29T10:16:00Z"));
        topic.send(reference, PHOTO_ATTACHED, ProductsTopic.photo(reference, 1, firstKey, first.length,
                "2026-11-29T10:16:00Z"));
        topic.send(reference, PRODUCT_UPSERTED, ProductsTopic.product(reference,
                Map.of("photoUrls", List.of("https://cdn.example-loja.com.br/img/" + reference + ".jpg"))));

        // same key, same partition: both photos were handled before the product, so its first answer has them
        JsonNode product = awaitProduct(reference);
        JsonNode photos = product.path("photos");
        assertThat(photos).hasSize(2);
        assertThat(photos.get(0).path("sequence").asInt()).isEqualTo(1);
        assertThat(photos.get(0).path("contentType").asString()).isEqualTo("image/png");
        assertThat(photos.get(0).path("size").asLong()).isEqualTo(first.length);
        assertThat(photos.get(0).path("url").asString()).isEqualTo("/api/v1/products/" + reference + "/photos/1");
        assertThat(photos.get(1).path("sequence").asInt()).isEqualTo(2);
        assertThat(photos.get(1).path("url").asString()).isEqualTo("/api/v1/products/" + reference + "/photos/2");
        assertThat(product.path("photoUrls").get(0).asString())
                .isEqualTo("https://cdn.example-loja.com.br/img/" + reference + ".jpg");
        JsonNode listed = http.getForObject("/api/v1/products?text=" + reference, JsonNode.class);
        assertThat(listed.path("items").get(0).path("photos").findValues("sequence")).extracting(JsonNode::asInt)
                .containsExactly(1, 2);

        ResponseEntity<byte[]> image = http.getForEntity(photos.get(0).path("url").asString(), byte[].class);
        assertThat(image.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(image.getBody()).isEqualTo(first);
        assertThat(image.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(image.getHeaders().getContentLength()).isEqualTo(first.length);
        assertThat(image.getHeaders().getCacheControl()).contains("public").contains("max-age=86400");
        assertThat(image.getHeaders().getETag()).isNotBlank();
        assertThat(image.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(http.getForEntity(photos.get(1).path("url").asString(), byte[].class).getBody()).isEqualTo(second);
        ResponseEntity<byte[]> head = http.exchange(photos.get(0).path("url").asString(), HttpMethod.HEAD, null,
                byte[].class);
        assertThat(head.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(head.getHeaders().getContentLength()).isEqualTo(first.length);
        assertThat(head.getBody()).isNull();
    }

    @Test
    void theProducersGoldenPhotoEventIsServedWithItsProduct() throws Exception {
        byte[] png = Fixtures.bytes("photos/1001 2.png");
        put("imp-01JDZ3Q8W7/photos/1001 2.png", png);

        topic.send("1001", PHOTO_ATTACHED, Golden.bytes("catalog.products/photo-attached.json"));
        topic.send("1001", PRODUCT_UPSERTED, Golden.bytes("catalog.products/product-upserted.json"));

        JsonNode photo = awaitProduct("1001").path("photos").get(0);
        assertThat(photo.path("sequence").asInt()).isEqualTo(2);
        assertThat(photo.path("contentType").asString()).isEqualTo("image/png");
        assertThat(photo.path("size").asLong()).isEqualTo(178);
        ResponseEntity<byte[]> image = http.getForEntity(photo.path("url").asString(), byte[].class);
        assertThat(image.getBody()).isEqualTo(png);
        assertThat(image.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    }

    @Test
    void aLaterImageReplacesThePhotoOfTheSameSequenceAndAnEarlierOneDoesNot() throws Exception {
        String reference = reference("TROCA");
        String url = "/api/v1/products/" + reference + "/photos/1";
        byte[] monday = Fixtures.bytes("photos/1001 1.png");
        byte[] tuesday = Fixtures.bytes("photos/1004 1.png");
        byte[] sunday = Fixtures.bytes("photos/1001 2.png");
        topic.send(reference, PRODUCT_UPSERTED, ProductsTopic.product(reference, Map.of()));
        topic.send(reference, PHOTO_ATTACHED, ProductsTopic.photo(reference, 1,
                archive(importId(), reference + " 1.png", monday), monday.length, "2026-11-30T09:00:00Z"));
        String mondayTag = awaitImage(url, monday).getHeaders().getETag();

        topic.send(reference, PHOTO_ATTACHED, ProductsTopic.photo(reference, 1,
                archive(importId(), reference + " 1.png", tuesday), tuesday.length, "2026-12-01T09:00:00Z"));
        ResponseEntity<byte[]> replaced = awaitImage(url, tuesday);

        assertThat(replaced.getHeaders().getETag()).isNotEqualTo(mondayTag);

        sendInOrderAndWait(reference, PHOTO_ATTACHED, ProductsTopic.photo(reference, 1,
                archive(importId(), reference + " 1.png", sunday), sunday.length, "2026-11-29T09:00:00Z"));

        assertThat(http.getForEntity(url, byte[].class).getBody()).isEqualTo(tuesday);
        assertThat(product(reference).path("photos")).hasSize(1);
    }

    @Test
    void aCacheThatHasTheImageIsToldItIsNotModified() throws Exception {
        String reference = reference("CACHE");
        byte[] png = Fixtures.bytes("photos/1004 1.png");
        topic.send(reference, PHOTO_ATTACHED, ProductsTopic.photo(reference, 1,
                archive(importId(), reference + " 1.png", png), png.length, "2026-11-30T09:00:00Z"));
        topic.send(reference, PRODUCT_UPSERTED, ProductsTopic.product(reference, Map.of()));
        String url = "/api/v1/products/" + reference + "/photos/1";
        String tag = awaitImage(url, png).getHeaders().getETag();

        HttpHeaders headers = new HttpHeaders();
        headers.setIfNoneMatch(tag);
        ResponseEntity<byte[]> again = http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(again.getBody()).isNull();
        assertThat(again.getHeaders().getETag()).isEqualTo(tag);
        assertThat(again.getHeaders().getCacheControl()).contains("max-age=86400");
    }

    @Test
    void answersProblemJsonForAnUnknownProductOrPhotoAndAPhotoWhoseProductHasNotArrived() throws Exception {
        String known = reference("SEM-FOTO");
        String waiting = reference("ESPERA");
        byte[] png = Fixtures.bytes("photos/1001 1.png");
        sendInOrderAndWait(waiting, PHOTO_ATTACHED, ProductsTopic.photo(waiting, 1,
                archive(importId(), waiting + " 1.png", png), png.length, "2026-11-30T09:00:00Z"));
        sendInOrderAndWait(known, PRODUCT_UPSERTED, ProductsTopic.product(known, Map.of()));

        assertProblem(http.getForEntity("/api/v1/products/NAO-EXISTE/photos/1", JsonNode.class),
                HttpStatus.NOT_FOUND);
        assertProblem(http.getForEntity("/api/v1/products/" + known + "/photos/1", JsonNode.class),
                HttpStatus.NOT_FOUND);
        assertProblem(http.getForEntity("/api/v1/products/" + waiting + "/photos/1", JsonNode.class),
                HttpStatus.NOT_FOUND);
        assertProblem(http.getForEntity("/api/v1/products/" + known + "/photos/um", JsonNode.class),
                HttpStatus.BAD_REQUEST);
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.path("paths").has("/api/v1/products/{reference}/photos/{sequence}")).isTrue();
    }

    @Test
    void aPhotoWhoseImageIsNotInTheArchiveIsNotFoundAndNotCached() {
        String reference = reference("SUMIU");
        topic.send(reference, PHOTO_ATTACHED, ProductsTopic.photo(reference, 1,
                importId() + "/photos/" + reference + " 1.png", 179, "2026-11-30T09:00:00Z"));
        topic.send(reference, PRODUCT_UPSERTED, ProductsTopic.product(reference, Map.of()));
        assertThat(awaitProduct(reference).path("photos")).hasSize(1);

        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/products/" + reference + "/photos/1",
                JsonNode.class);

        assertProblem(response, HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getCacheControl()).isNull();
        assertThat(response.getHeaders().getETag()).isNull();
    }

    private static String reference(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String importId() {
        return "imp-" + UUID.randomUUID();
    }

    /** Puts the image where ingest archives it, {@code <importId>/photos/<name>}, and answers its key. */
    private static String archive(String importId, String name, byte[] image) throws Exception {
        String key = importId + "/photos/" + name;
        put(key, image);
        return key;
    }

    private static void put(String key, byte[] image) throws Exception {
        TestInfrastructure.s3Client().putObject(PutObjectArgs.builder().bucket(ARCHIVE).object(key)
                .stream(new ByteArrayInputStream(image), image.length, -1).contentType("image/png").build());
    }

    /** Sends the event to its key's partition, then a marker product there, and waits for the marker. */
    private void sendInOrderAndWait(String key, String type, byte[] value) {
        String marker = "MARK-" + UUID.randomUUID();
        topic.sendToPartitionOf(key, key, type, value);
        topic.sendToPartitionOf(key, marker, PRODUCT_UPSERTED, ProductsTopic.product(marker, Map.of()));
        awaitProduct(marker);
    }

    private JsonNode awaitProduct(String reference) {
        return await().atMost(PATIENCE).until(() -> product(reference), product -> product != null);
    }

    private ResponseEntity<byte[]> awaitImage(String url, byte[] expected) {
        return await().atMost(PATIENCE).until(() -> http.getForEntity(url, byte[].class),
                response -> response.getStatusCode().is2xxSuccessful() && Arrays.equals(response.getBody(), expected));
    }

    private JsonNode product(String reference) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/products/" + reference, JsonNode.class);
        return response.getStatusCode().is2xxSuccessful() ? response.getBody() : null;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(response.getHeaders().getContentType())).isTrue();
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().path("detail").asString()).isNotBlank();
    }
}
