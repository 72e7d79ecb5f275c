package io.omnihub.gateway;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** A client for the gateway under test that opens a fresh TCP connection for every request. */
final class GatewayClient {

    private GatewayClient() {
    }

    static WebTestClient on(int port) {
        // Reactor Netty 1.3.6 (Boot 4.0.7's) can stop reading a keep-alive connection when the next request
        // arrives before the previous one is fully done (reactor-netty#4361): about one request in a few thousand
        // then hangs. These tests are about routing, not that bug, so no connection is reused.
        var connector = new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection()));
        return WebTestClient.bindToServer(connector).baseUrl("http://127.0.0.1:" + port).build();
    }
}
