package io.omnihub.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.omnihub.contracts.Buckets;
import io.omnihub.localstack.LocalStack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a real client does (the shape of the journeys' {@code Erp}): S3 puts into the inbox, HTTP through the gateway
 * with one of the local stack's dev keys. A request that finds a part down answers null instead of throwing, so a
 * case can wait through an outage.
 */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack stack;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MinioClient s3;

    Client(LocalStack stack, String apiKey) {
        this.stack = stack;
        this.apiKey = apiKey;
        this.s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY).build();
    }

    void upload(String key, byte[] content) throws Exception {
        s3.putObject(PutObjectArgs.builder().bucket(Buckets.INBOX).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1).build());
    }

    /** The JSON answer of a GET, or null unless it answers 200 (also while a part is down). */
    JsonNode find(String path) throws InterruptedException {
        try {
            HttpResponse<String> response = send("GET", path, null);
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A request with a JSON body that must answer {@code expected}; its answer. */
    JsonNode call(String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    HttpResponse<String> send(String method, String path, Object body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", apiKey)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every stock figure of a store, by EAN, read page by page; empty while the store has none. */
    Map<String, JsonNode> stockOf(String storeId) throws InterruptedException {
        Map<String, JsonNode> byEan = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = find("/api/v1/stores/" + storeId + "/stock?size=200&page=" + page);
            if (answer == null) {
                return byEan;
            }
            answer.path("items").forEach(item -> byEan.put(item.path("ean").asString(), item));
            if (page + 1 >= answer.path("totalPages").asInt()) {
                return byEan;
            }
        }
    }
}
