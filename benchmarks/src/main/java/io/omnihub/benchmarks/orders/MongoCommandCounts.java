package io.omnihub.benchmarks.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * order-service's MongoDB commands by collection and command ("orders update"), as its driver counted them
 * (Micrometer's {@code mongodb.driver.commands}, read from {@code /actuator/prometheus}): which MongoDB work an
 * order costs, beside the emulator's CPU per order.
 */
final class MongoCommandCounts {

    private static final Pattern COUNT = Pattern.compile("^mongodb_driver_commands_seconds_count\\{([^}]*)\\}\\s+(\\S+)");
    private static final Pattern COLLECTION = Pattern.compile("collection=\"([^\"]*)\"");
    private static final Pattern COMMAND = Pattern.compile("command=\"([^\"]*)\"");

    private MongoCommandCounts() {
    }

    /** The counts now; empty when the endpoint cannot be read (the report then leaves the table out). */
    static Map<String, Double> read(HttpClient http, String orderServiceUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(orderServiceUrl
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : Map.of();
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Sums the commands' counts per "collection command" over every other label (status, server). */
    static Map<String, Double> parse(String prometheus) {
        Map<String, Double> counts = new TreeMap<>();
        for (String line : prometheus.split("\n")) {
            Matcher count = COUNT.matcher(line);
            if (!count.find()) {
                continue;
            }
            Matcher collection = COLLECTION.matcher(count.group(1));
            Matcher command = COMMAND.matcher(count.group(1));
            if (collection.find() && command.find()) {
                counts.merge(collection.group(1) + " " + command.group(1), Double.parseDouble(count.group(2)),
                        Double::sum);
            }
        }
        return counts;
    }

    /** The commands sent between the two readings, per order. */
    static Map<String, Double> perOrder(Map<String, Double> before, Map<String, Double> after, int orders) {
        Map<String, Double> perOrder = new TreeMap<>();
        if (orders == 0) {
            return perOrder;
        }
        after.forEach((key, count) -> {
            double sent = count - before.getOrDefault(key, 0.0);
            if (sent > 0) {
                perOrder.put(key, sent / orders);
            }
        });
        return perOrder;
    }
}
