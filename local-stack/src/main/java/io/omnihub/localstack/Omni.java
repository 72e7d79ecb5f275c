package io.omnihub.localstack;

import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import io.omnihub.contracts.Buckets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The ./omni command: {@code up}, {@code down}, {@code status}, {@code logs <part>}, {@code upload <file> [key]}. */
public final class Omni {

    private static final String USAGE = """
            usage: ./omni <command>

              up [part...]           build what is missing, start Kafka, MongoDB, S3 and the six services, wait until
                                     all are healthy, print the URLs and keys; with parts, only those and the
                                     infrastructure (./omni up infra: just Kafka, MongoDB and S3, e.g. for an IDE)
              down                   stop everything ./omni up started (by PID)
              status                 show each part: running or not, PID, port, health
              logs <part> [lines]    print the end of a part's log (kafka, mongo, s3, gateway, ingest, catalog, ...)
              upload <file> [key]    put a file into the S3 inbox, e.g. ./omni upload fixtures/categories.xlsx categories/
            """;

    private Omni() {
    }

    public static void main(String[] args) {
        Path repo = Path.of(System.getProperty("omni.repo", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        int exit = 0;
        try {
            LocalStack.Settings settings = LocalStack.Settings.defaults(repo);
            LocalStack stack = new LocalStack("up".equals(command) && args.length > 1
                    ? settings.withParts(selected(Arrays.copyOfRange(args, 1, args.length)))
                    : settings);
            switch (command) {
                case "up" -> {
                    stack.up();
                    System.out.println(welcome(stack));
                }
                case "down" -> {
                    stack.down();
                    System.out.println("the local stack is stopped; its data stays in " + stack.settings().dataDir());
                }
                case "status" -> System.out.println(status(stack.status()));
                case "logs" -> logs(stack, args);
                case "upload" -> upload(stack, args);
                case "help", "-h", "--help" -> System.out.print(USAGE);
                default -> {
                    System.err.println("omni: unknown command '" + command + "'");
                    System.err.print(USAGE);
                    exit = 2;
                }
            }
        } catch (LocalStackException | IllegalArgumentException e) {
            System.err.println("omni: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    /** The named parts plus the infrastructure every service needs; "infra" names the infrastructure alone. */
    static Set<Part> selected(String... names) {
        Set<Part> parts = EnumSet.copyOf(Part.infrastructure());
        for (String name : names) {
            if (!"infra".equals(name)) {
                parts.add(Part.byName(name).orElseThrow(() -> new IllegalArgumentException("no part called " + name
                        + " (parts: infra, " + Arrays.stream(Part.values()).map(Part::id)
                        .collect(Collectors.joining(", ")) + ")")));
            }
        }
        return parts;
    }

    static String welcome(LocalStack stack) {
        List<Part> parts = stack.settings().parts();
        String s3 = stack.s3Endpoint();
        StringBuilder text = new StringBuilder("\nomnihub is up.\n\n");
        if (parts.contains(Part.GATEWAY)) {
            text.append(row("Gateway", stack.gatewayUrl()));
            text.append(row("Dev API keys", "header X-Api-Key (DEV ONLY, public): dev-operator (OPERATOR), dev-erp "
                    + "(ERP, all stores),"));
            text.append(row("", "dev-channel (CHANNEL), dev-store-LJ001 / -LJ002 / -LJ003 (STORE, that store only)"));
            text.append(row("", "keys file " + stack.apiKeysFile() + " (hashes; edits apply within seconds)"));
            text.append(row("API docs", stack.gatewayUrl() + "/swagger-ui.html   " + stack.gatewayUrl()
                    + "/asyncapi.json"));
        }
        parts.stream().filter(part -> part.isService() && part != Part.GATEWAY).forEach(part ->
                text.append(row(part == parts.stream().filter(Part::isService).findFirst().orElseThrow()
                        ? "Services" : "", "%-18s %s".formatted(part.id(), stack.serviceUrl(part)))));
        text.append(row("Kafka", stack.kafkaBootstrapServers()));
        text.append(row("MongoDB", stack.mongoUri("").replaceAll("/$", "")));
        text.append(row("S3", s3 + "   access key " + LocalStack.S3_ACCESS_KEY + "   secret key "
                + LocalStack.S3_SECRET_KEY));
        text.append(row("", "buckets " + String.join(", ", Buckets.ALL)));
        text.append(row("Logs", stack.settings().logsDir().resolve("<part>.log") + "   (./omni logs <part>)"));
        text.append(row("Data", stack.settings().dataDir() + "   (kept across ./omni down and up; delete it to start "
                + "empty)"));
        text.append("""

                Put an ERP file into the inbox with any S3 client (path-style URLs, region us-east-1), e.g.
                  ./omni upload fixtures/categories.xlsx categories/
                  mc alias set omni %1$s %2$s %3$s && mc cp fixtures/categories.xlsx omni/%4$s/categories/
                  AWS_ACCESS_KEY_ID=%2$s AWS_SECRET_ACCESS_KEY=%3$s aws --endpoint-url %1$s s3 cp fixtures/categories.xlsx s3://%4$s/categories/
                  curl --aws-sigv4 aws:amz:us-east-1:s3 -u %2$s:%3$s -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' \\
                       -T fixtures/categories.xlsx %1$s/%4$s/categories/categories.xlsx

                Call the API through the gateway with a key, e.g.
                  curl -H 'X-Api-Key: dev-erp' %5$s/api/v1/products

                ./omni status shows each part, ./omni down stops them all.""".formatted(s3, LocalStack.S3_ACCESS_KEY,
                LocalStack.S3_SECRET_KEY, Buckets.INBOX, stack.gatewayUrl()));
        return text.toString();
    }

    private static String row(String label, String value) {
        return "  %-14s %s%n".formatted(label, value);
    }

    static String status(List<PartStatus> parts) {
        StringBuilder table = new StringBuilder("%-18s %-8s %-8s %-6s %s%n".formatted("PART", "STATE", "PID", "PORT",
                "HEALTH"));
        for (PartStatus part : parts) {
            table.append("%-18s %-8s %-8s %-6d %s%n".formatted(part.part().id(),
                    part.running() ? "running" : "stopped",
                    part.pid().isPresent() ? Long.toString(part.pid().getAsLong()) : "-",
                    part.port(), part.health()));
        }
        return table.toString().stripTrailing();
    }

    private static void logs(LocalStack stack, String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("which part? e.g. ./omni logs kafka (parts: "
                    + List.of(Part.values()).stream().map(Part::id).collect(Collectors.joining(", ")) + ")");
        }
        Part part = Part.byName(args[1]).orElseThrow(() -> new IllegalArgumentException("no part called " + args[1]));
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path log = stack.logFile(part);
        System.out.println(JavaProcess.tail(log, lines));
        System.out.println("---- " + log + " (follow it with: tail -f " + log + ")");
    }

    private static void upload(LocalStack stack, String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ./omni upload <file> [[bucket/]key], e.g. "
                    + "./omni upload fixtures/categories.xlsx categories/");
        }
        Path file = Path.of(args[1]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file " + file.toAbsolutePath());
        }
        String target = args.length > 2 ? args[2] : "";
        String bucket = Buckets.ALL.stream().filter(name -> target.startsWith(name + "/")).findFirst()
                .orElse(Buckets.INBOX);
        String key = target.startsWith(bucket + "/") ? target.substring(bucket.length() + 1) : target;
        if (key.isEmpty() || key.endsWith("/")) {
            key = key + file.getFileName();
        }
        MinioClient s3 = MinioClient.builder()
                .endpoint(stack.s3Endpoint())
                .credentials(LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY)
                .build();
        try {
            s3.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key).filename(file.toString()).build());
        } catch (Exception e) {
            throw new LocalStackException("upload to " + stack.s3Endpoint() + "/" + bucket + "/" + key
                    + " failed (is the stack up? ./omni status): " + e.getMessage(), e);
        }
        System.out.println("uploaded " + file + " to s3://" + bucket + "/" + key);
    }
}
