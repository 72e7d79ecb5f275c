package io.omnihub.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.contracts.identity.IdentityToken.InvalidIdentityException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on a free port that answers as a service would: it verifies the gateway's identity token
 * like the platform does (401 without a valid one), refuses with 403 a request that names a store the identity
 * does not cover (in its path, query or body, as a service checks an entity's store), and otherwise echoes its
 * name, the method, path, query, correlation id and the identity it was given. It records every request.
 */
final class ServiceStub implements AutoCloseable {

    private static final Pattern STORE_ID = Pattern.compile("LJ\\d{3}");

    private final String service;
    private final HttpServer server;
    private final IdentityToken tokens = new IdentityToken(TestKeys.IDENTITY_SECRET);
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    /** What the stub saw of one request. */
    record Received(String method, String path, String apiKey, Identity identity) {
    }

    private ServiceStub(String service, HttpServer server) {
        this.service = service;
        this.server = server;
    }

    static ServiceStub start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ServiceStub stub = new ServiceStub(service, server);
            server.createContext("/", stub::answer);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of a port nothing listens on: connections are refused, as with a service that is down. */
    static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Identity identity;
        try {
            identity = tokens.verify(exchange.getRequestHeaders().getFirst(IdentityToken.HEADER), Instant.now());
        } catch (InvalidIdentityException e) {
            identity = null;
        }
        received.add(new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst(GatewayClient.API_KEY), identity));
        if (path.startsWith("/api/") && identity == null) {
            respond(exchange, 401, "{\"status\":401,\"detail\":\"no identity\"}");
            return;
        }
        if (identity != null) {
            Matcher stores = STORE_ID.matcher(path + " " + query + " " + body);
            while (stores.find()) {
                if (!identity.covers(stores.group())) {
                    respond(exchange, 403, "{\"status\":403,\"detail\":\"not your store " + stores.group() + "\"}");
                    return;
                }
            }
        }
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        String json = ("{\"service\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"query\":%s,\"correlationId\":%s,"
                + "\"client\":%s,\"stores\":%s}").formatted(service, exchange.getRequestMethod(), path, quoted(query),
                quoted(correlationId), quoted(identity == null ? null : identity.client()),
                identity == null ? "null" : new TreeSet<>(identity.stores()).stream().map(ServiceStub::quoted)
                        .toList().toString());
        respond(exchange, 200, json);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quoted(String value) {
        // the gateway only lets plain correlation ids through; dropping quotes keeps the JSON valid whatever arrives
        return value == null ? "null" : "\"" + value.replace("\"", "").replace("\\", "") + "\"";
    }

    static Set<String> storesIn(String text) {
        Set<String> stores = new TreeSet<>();
        STORE_ID.matcher(text).results().forEach(match -> stores.add(match.group()));
        return stores;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
