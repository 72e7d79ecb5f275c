package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.omnihub.contracts.Buckets;
import io.omnihub.localstack.LocalStack;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a journey does as a real client would: S3 puts into the inbox, HTTP through the gateway with an API key
 * (one of the local stack's dev keys: {@code dev-operator} unless a journey picks another with {@link #as}).
 */
final class Erp {

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String OPERATOR = "dev-operator";
    static final String ERP = "dev-erp";
    static final String CHANNEL = "dev-channel";

    private final LocalStack stack;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MinioClient s3;
    private final JsonMapper json = JsonMapper.builder().build();

    Erp(LocalStack stack) {
        this(stack, OPERATOR);
    }

    Erp(LocalStack stack, String apiKey) {
        this.stack = stack;
        this.apiKey = apiKey;
        this.s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY).build();
    }

    /** The same client with another API key, e.g. {@code erp.as("dev-store-LJ001")}. */
    Erp as(String otherApiKey) {
        return new Erp(stack, otherApiKey);
    }

    /** The dev key of one store: {@code dev-store-<storeId>}. */
    static String storeKey(String storeId) {
        return "dev-store-" + storeId;
    }

    void upload(String key, byte[] content) throws Exception {
        s3.putObject(PutObjectArgs.builder().bucket(Buckets.INBOX).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1).build());
    }

    boolean exists(String bucket, String key) {
        try {
            s3.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The JSON answer of a GET that must succeed. */
    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(request(path));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The JSON answer of a GET, or null until it answers 200. */
    JsonNode find(String path) throws Exception {
        HttpResponse<String> response = send(request(path));
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    HttpResponse<String> postJson(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(String body) {
        return json.readTree(body);
    }

    /** Any request through the gateway, with this client's key; the answer whatever its status. */
    HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                : stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(30));
        return apiKey == null ? request : request.header(API_KEY_HEADER, apiKey);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
