package io.omnihub.system.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A retailer's ERP played by a JDK HttpServer: it serves stock pages to ingest's pull integration
 * ({@code GET /stock?page=&size=}) and takes order-service's pushes of assignments ({@code POST /push/<store>}).
 * A case tells it how to misbehave: the next answers to a page, or to pushes, fail (HTTP 500) or are slow.
 */
final class ErpStandIn implements AutoCloseable {

    /** How the stand-in answers one request. */
    sealed interface Answer permits Fail, Slow {
    }

    /** HTTP 500. */
    record Fail() implements Answer {
    }

    /** The right answer, but only after {@code delay}: longer than the caller's timeout. */
    record Slow(Duration delay) implements Answer {
    }

    /** A request as the stand-in answered it: the page (pull) or idempotency key (push), and how. */
    record Served(String what, Outcome outcome) {
    }

    /** Answered at once, answered after a delay, or failed with HTTP 500. */
    enum Outcome { OK, LATE, FAILED }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<Integer, List<Map<String, Object>>> pages = new HashMap<>();
    private final Map<String, Deque<Answer>> plans = new HashMap<>();
    private final List<Served> pulls = new ArrayList<>();
    private final List<Served> pushes = new ArrayList<>();

    ErpStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/stock", this::page);
        server.createContext("/push", this::push);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves these pages from now on (page numbers from 1); any other page is the empty list that ends a run. */
    synchronized void servePages(Map<Integer, List<Map<String, Object>>> content) {
        pages.clear();
        pages.putAll(content);
        pulls.clear();
    }

    /** The next requests of page {@code page} get these answers, in order; later ones are answered normally. */
    synchronized void planPage(int page, Answer... next) {
        plans.computeIfAbsent("page " + page, key -> new ArrayDeque<>()).addAll(List.of(next));
    }

    /** The next pushes (any store) get these answers, in order; later ones are accepted. */
    synchronized void planPushes(Answer... next) {
        plans.computeIfAbsent("push", key -> new ArrayDeque<>()).addAll(List.of(next));
    }

    synchronized List<Served> pulls() {
        return List.copyOf(pulls);
    }

    synchronized List<Served> pushes() {
        return List.copyOf(pushes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void page(HttpExchange exchange) throws IOException {
        int page = Integer.parseInt(query(exchange.getRequestURI()).getOrDefault("page", "1"));
        Answer answer;
        byte[] body;
        synchronized (this) {
            answer = next("page " + page);
            body = Client.JSON.writeValueAsBytes(pages.getOrDefault(page, List.of()));
        }
        Outcome outcome = respond(exchange, answer, body);
        synchronized (this) {
            pulls.add(new Served(Integer.toString(page), outcome));
        }
    }

    private void push(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Answer answer;
        synchronized (this) {
            answer = next("push");
        }
        Outcome outcome = respond(exchange, answer, "{}".getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            pushes.add(new Served(key, outcome));
        }
    }

    private Answer next(String plan) {
        Deque<Answer> planned = plans.get(plan);
        return planned == null ? null : planned.poll();
    }

    private static Outcome respond(HttpExchange exchange, Answer answer, byte[] body) throws IOException {
        try (exchange) {
            if (answer instanceof Fail) {
                exchange.sendResponseHeaders(500, -1);
                return Outcome.FAILED;
            }
            if (answer instanceof Slow slow) {
                try {
                    // the fault itself: an ERP that answers late
                    Thread.sleep(slow.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Outcome.LATE;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            return answer == null ? Outcome.OK : Outcome.LATE;
        } catch (IOException e) {
            // the caller gave up (its timeout) before the slow answer
            return Outcome.LATE;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return parameters;
    }
}
