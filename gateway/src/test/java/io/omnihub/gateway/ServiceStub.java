package io.omnihub.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/** A real HTTP server on a free port that answers as a service: its name, the method, path and correlation id. */
final class ServiceStub implements AutoCloseable {

    private final String service;
    private final HttpServer server;

    private ServiceStub(String service, HttpServer server) {
        this.service = service;
        this.server = server;
    }

    static ServiceStub start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ServiceStub stub = new ServiceStub(service, server);
            server.createContext("/", stub::echo);
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

    private void echo(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        String json = "{\"service\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"query\":%s,\"correlationId\":%s}"
                .formatted(service, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        quoted(exchange.getRequestURI().getRawQuery()), quoted(correlationId));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quoted(String value) {
        // the gateway only lets plain correlation ids through; dropping quotes keeps the JSON valid whatever arrives
        return value == null ? "null" : "\"" + value.replace("\"", "").replace("\\", "") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
