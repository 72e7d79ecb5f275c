package io.omnihub.system.deployment;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The addresses inside connection settings: Kafka bootstrap lists, MongoDB URIs, HTTP URLs. */
final class Endpoints {

    private Endpoints() {
    }

    /** A host and port; port -1 where the setting leaves it to the protocol's default. */
    record HostPort(String host, int port) {

        static HostPort parse(String hostPort) {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0) {
                return new HostPort(hostPort, -1);
            }
            return new HostPort(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return port < 0 ? host : host + ":" + port;
        }
    }

    /** A mongodb:// connection string: its hosts, its database and its options. */
    record MongoUri(List<HostPort> hosts, String database, Map<String, String> options) {

        static MongoUri parse(String uri) {
            if (!uri.startsWith("mongodb://")) {
                throw new IllegalArgumentException("not a mongodb:// URI: " + uri);
            }
            String rest = uri.substring("mongodb://".length());
            int at = rest.indexOf('@');
            if (at >= 0) {
                rest = rest.substring(at + 1);
            }
            int slash = rest.indexOf('/');
            String hosts = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1);
            int question = path.indexOf('?');
            String database = question < 0 ? path : path.substring(0, question);
            Map<String, String> options = new LinkedHashMap<>();
            if (question >= 0) {
                for (String option : path.substring(question + 1).split("&")) {
                    int equals = option.indexOf('=');
                    if (equals > 0) {
                        options.put(option.substring(0, equals), option.substring(equals + 1));
                    }
                }
            }
            return new MongoUri(Arrays.stream(hosts.split(",")).map(HostPort::parse).toList(), database, options);
        }
    }

    /** A Kafka bootstrap list: host:port,host:port. */
    static List<HostPort> kafkaBootstrap(String servers) {
        return Arrays.stream(servers.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(HostPort::parse).toList();
    }

    /** An http(s) URL's host and port. */
    static HostPort url(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("not a URL with a host: " + url);
        }
        return new HostPort(uri.getHost(), uri.getPort());
    }

    /** The hosts (and ports) an infrastructure variable's value points at. */
    static List<HostPort> of(String variable, String value) {
        if (variable.equals("KAFKA_BOOTSTRAP_SERVERS")) {
            return kafkaBootstrap(value);
        }
        if (variable.equals("MONGODB_URI")) {
            return MongoUri.parse(value).hosts();
        }
        if (variable.endsWith("_URL") || variable.endsWith("_ENDPOINT")) {
            return List.of(url(value));
        }
        return List.of();
    }
}
