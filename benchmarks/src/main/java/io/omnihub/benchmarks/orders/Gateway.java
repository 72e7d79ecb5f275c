package io.omnihub.benchmarks.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP through the gateway with one of the stack's dev API keys, as an operator, an ERP or a channel calls it. */
final class Gateway {

    static final String OPERATOR = "dev-operator";
    static final String ERP = "dev-erp";
    static final String CHANNEL = "dev-channel";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;

    Gateway(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpRequest request(String key, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("X-Api-Key", key);
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
    }

    /** The JSON answer; fails unless the status is {@code expected}. */
    JsonNode call(String key, String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = http.send(request(key, method, path, body),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " (not "
                    + expected + "): " + response.body());
        }
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    /** The JSON answer of a GET, or null unless it answered 200. */
    JsonNode find(String key, String path) throws Exception {
        HttpResponse<String> response = http.send(request(key, "GET", path, null),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }
}
