package io.omnihub.gateway;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** A client for the gateway under test that opens a fresh TCP connection for every request. */
final class GatewayClient {

    static final String API_KEY = "X-Api-Key";

    private GatewayClient() {
    }

    /** With the operator's key, allowed on every route: for tests about routing, not about access. */
    static WebTestClient on(int port) {
        return on(port, TestKeys.OPERATOR);
    }

    /** With the given API key, or none for null. */
    static WebTestClient on(int port, String apiKey) {
        // Reactor Netty 1.3.6 (Boot 4.0.7's) can stop reading a keep-alive connection when the next request
        // arrives before the previous one is fully done (reactor-netty#4361): about one request in a few thousand
        // then hangs. These tests are about routing, not that bug, so no connection is reused.
        var connector = new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection()));
        var builder = WebTestClient.bindToServer(connector).baseUrl("http://127.0.0.1:" + port);
        if (apiKey != null) {
            builder.defaultHeader(API_KEY, apiKey);
        }
        return builder.build();
    }
}
