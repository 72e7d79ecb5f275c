package io.omnihub.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.contracts.identity.Role;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the benchmark asks the services over HTTP: import jobs, the product count, and Micrometer's gauges.
 * It calls the services directly, not through the gateway, so it signs an operator identity itself with the
 * stack's secret, as the gateway would.
 */
final class ServiceProbe {

    private static final Identity OPERATOR = new Identity("benchmark", Set.of(Role.OPERATOR),
            Set.of(Identity.ALL_STORES));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile IdentityToken tokens;

    /** Signs the identity it sends with the stack's secret (until then, calls go without one). */
    void identitySecret(String secret) {
        this.tokens = new IdentityToken(secret);
    }

    String get(String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (tokens != null) {
            request.header(IdentityToken.HEADER, tokens.sign(OPERATOR, Instant.now().plus(Duration.ofMinutes(5))));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The import job of an inbox object, once ingest has one. */
    Optional<JsonNode> importOf(String ingestUrl, String kind, String objectKey)
            throws IOException, InterruptedException {
        JsonNode jobs = json.readTree(get(ingestUrl + "/api/v1/imports?kind=" + kind + "&size=200"));
        for (JsonNode job : jobs) {
            if (objectKey.equals(job.path("objectKey").asString())) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    /** One import job by its id. */
    JsonNode importById(String ingestUrl, String id) throws IOException, InterruptedException {
        return json.readTree(get(ingestUrl + "/api/v1/imports/" + id));
    }

    /** {@code totalItems} of the catalog's product search; -1 if the catalog does not answer it. */
    long catalogProducts(String catalogUrl) {
        try {
            return json.readTree(get(catalogUrl + "/api/v1/products?size=1")).path("totalItems").asLong(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The sum of a Prometheus metric's samples whose labels contain {@code labelText} (any when null). */
    static double sum(String exposition, String metric, String labelText) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.lines().toList()) {
            if (!(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            if (labelText != null && !line.contains(labelText)) {
                continue;
            }
            String[] tokens = line.trim().split("\\s+");
            try {
                sum += Double.parseDouble(tokens[tokens.length - 1]);
                found = true;
            } catch (NumberFormatException ignored) {
                // a sample without a number (NaN is parsed): not ours to count
            }
        }
        return found ? sum : Double.NaN;
    }

    /** The service's Prometheus exposition, or an empty text if it has none. */
    String prometheus(String serviceUrl) {
        try {
            return get(serviceUrl + "/actuator/prometheus");
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
