package io.omnihub.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts and stops the embedded stack as separate processes: Kafka, MongoDB and S3 first, then the six services. Each
 * process is recorded with its PID and start time under {@code <home>/run}, so {@link #down()} stops exactly what
 * {@link #up()} started, even from another JVM.
 */
public final class LocalStack implements AutoCloseable {

    public static final String S3_ACCESS_KEY = EmbeddedS3.DEFAULT_ACCESS_KEY;
    public static final String S3_SECRET_KEY = EmbeddedS3.DEFAULT_SECRET_KEY;
    public static final List<String> DEV_API_KEYS = List.of("dev-operator", "dev-erp", "dev-channel",
            "dev-store-LJ001", "dev-store-LJ002", "dev-store-LJ003");

    static final List<String> SERVICE_JVM = jvm("-Xms64m", "-Xmx288m", "-XX:ReservedCodeCacheSize=64m");
    /**
     * The emulator allocates about 90 MB/s at 50 orders/s (documents decoded and encoded, H2's pages): with the serial
     * collector's default young generation of the small initial heap (23 MB of eden, 3 MB survivor spaces) a young
     * collection ran every 0.25 s, its survivors overflowed into the old generation, and a full collection of 55–90 ms
     * followed every 2 s. 128 MB of young generation lets most of them die young (measured at 50 orders/s: a young
     * collection every 1.4 s, a full one every 17–35 s).
     */
    static final List<String> MONGO_JVM = busyJvm("-Xms192m", "-Xmn128m", "-Xmx384m");
    static final List<String> S3_JVM = jvm("-Xms32m", "-Xmx160m");

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Settings settings;
    private final Consumer<String> out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile Thread stopWithJvm;

    public LocalStack(Settings settings) {
        this(settings, System.out::println);
    }

    /** @param out receives one line per step ("kafka started, pid 4711"), e.g. System.out::println */
    public LocalStack(Settings settings, Consumer<String> out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Where the stack keeps its state and which parts it runs on which ports.
     *
     * @param home                {@code run/} (pid files), {@code logs/} and {@code data/} live here
     * @param repo                the checkout, where {@code <module>/target/<module>-*-exec.jar} are found
     * @param ports               the port of every part
     * @param kafkaControllerPort the KRaft controller listener
     * @param parts               the parts to start, e.g. only the infrastructure
     * @param infraClasspath      the classpath of the Kafka, MongoDB and S3 processes (local-stack and its dependencies)
     * @param env                 extra environment of every service, e.g. {@code INBOX_POLL_INTERVAL=500ms}
     * @param jvmOptions          extra JVM options of one part, after its defaults so they win (e.g. a benchmark's
     *                            {@code -Xmx256m})
     * @param healthTimeout       how long {@link #up()} waits for every service to report UP
     * @param stopWithJvm         stop everything when this JVM exits (tests); the launcher leaves the stack running
     */
    public record Settings(Path home, Path repo, Map<Part, Integer> ports, int kafkaControllerPort, List<Part> parts,
                           String infraClasspath, Map<String, String> env,
                           Map<Part, List<String>> jvmOptions, Duration healthTimeout, boolean stopWithJvm) {

        public Settings {
            home = home.toAbsolutePath().normalize();
            repo = repo.toAbsolutePath().normalize();
            ports = Map.copyOf(ports);
            parts = parts.stream().distinct().sorted().toList();
            env = Map.copyOf(env);
            jvmOptions = jvmOptions.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
            for (Part part : parts) {
                if (!ports.containsKey(part)) {
                    throw new IllegalArgumentException("no port for " + part.id());
                }
            }
        }

        /** The fixed local ports of ./omni, state in {@code <repo>/.omni}. */
        public static Settings defaults(Path repo) {
            Map<Part, Integer> ports = new EnumMap<>(Part.class);
            Arrays.stream(Part.values()).forEach(part -> ports.put(part, part.defaultPort()));
            return new Settings(repo.resolve(".omni"), repo, ports, 9093, List.of(Part.values()),
                    repoClasspath(repo), Map.of(), Map.of(), Duration.ofMinutes(3), false);
        }

        /** Free ports for every part, state in {@code home}, everything stopped when the test JVM exits. */
        public static Settings forTests(Path repo, Path home) {
            List<Integer> free = Ports.free(Part.values().length + 1);
            Map<Part, Integer> ports = new EnumMap<>(Part.class);
            Arrays.stream(Part.values()).forEach(part -> ports.put(part, free.get(part.ordinal())));
            return new Settings(home, repo, ports, free.get(Part.values().length), List.of(Part.values()),
                    repoClasspath(repo), Map.of(), Map.of(), Duration.ofMinutes(3), true);
        }

        /** local-stack's classes and the dependencies Maven copied to {@code local-stack/target/lib}. */
        public static String repoClasspath(Path repo) {
            Path target = repo.toAbsolutePath().normalize().resolve("local-stack").resolve("target");
            return target.resolve("classes") + File.pathSeparator + target.resolve("lib") + File.separator + "*";
        }

        public int port(Part part) {
            Integer port = ports.get(part);
            if (port == null) {
                throw new IllegalArgumentException("no port for " + part.id());
            }
            return port;
        }

        public Settings withParts(Part... selected) {
            return withParts(List.of(selected));
        }

        public Settings withParts(Collection<Part> selected) {
            return new Settings(home, repo, ports, kafkaControllerPort, List.copyOf(selected), infraClasspath, env,
                    jvmOptions, healthTimeout, stopWithJvm);
        }

        public Settings withEnv(String name, String value) {
            Map<String, String> merged = new HashMap<>(env);
            merged.put(name, value);
            return new Settings(home, repo, ports, kafkaControllerPort, parts, infraClasspath, merged,
                    jvmOptions, healthTimeout, stopWithJvm);
        }

        /** Adds JVM options to one part's defaults; given later, they win (e.g. {@code -Xmx256m}). */
        public Settings withJvmOptions(Part part, String... options) {
            Map<Part, List<String>> merged = new EnumMap<>(Part.class);
            merged.putAll(jvmOptions);
            List<String> added = new ArrayList<>(merged.getOrDefault(part, List.of()));
            added.addAll(List.of(options));
            merged.put(part, added);
            return new Settings(home, repo, ports, kafkaControllerPort, parts, infraClasspath, env, merged,
                    healthTimeout, stopWithJvm);
        }

        public Settings withInfraClasspath(String classpath) {
            return new Settings(home, repo, ports, kafkaControllerPort, parts, classpath, env, jvmOptions,
                    healthTimeout, stopWithJvm);
        }

        public Settings withHealthTimeout(Duration timeout) {
            return new Settings(home, repo, ports, kafkaControllerPort, parts, infraClasspath, env, jvmOptions,
                    timeout, stopWithJvm);
        }

        public Path logsDir() {
            return home.resolve("logs");
        }

        public Path dataDir() {
            return home.resolve("data");
        }

        Path runDir() {
            return home.resolve("run");
        }
    }

    /**
     * Starts every part that is not already running, in order, and returns once all accept connections and every
     * service reports UP. Fails before starting anything if a port is taken or a jar is missing; if a part fails on
     * the way, stops what this call started.
     */
    public void up() {
        start(settings.parts());
    }

    /**
     * Starts the given parts that are not running, on the stack's ports and with its data (e.g. a part that
     * {@link #kill} or {@link #stop} ended), and waits as {@link #up()} does; the other parts are left alone.
     */
    public void start(Part... parts) {
        start(List.of(parts));
    }

    /** Same as {@link #start(Part...)}. */
    public void start(Collection<Part> parts) {
        Instant begin = Instant.now();
        List<Part> wanted = parts.stream().distinct().sorted().toList();
        Map<Part, ProcessHandle> running = running(wanted);
        running.forEach((part, process) -> out.accept(line(part, "already running, pid " + process.pid())));
        List<Part> toStart = wanted.stream().filter(part -> !running.containsKey(part)).toList();
        checkCanStart(toStart);

        Map<Part, ProcessHandle> started = new ConcurrentHashMap<>();
        Thread abort = new Thread(() -> stopInOrder(started.keySet()), "omni-abort");
        Runtime.getRuntime().addShutdownHook(abort);
        try {
            Map<Part, ProcessHandle> all = new EnumMap<>(running);
            for (Part part : toStart) {
                if (!part.isService()) {
                    ProcessHandle process = launchInfrastructure(part);
                    record(part, process, started, all);
                }
            }
            awaitReady(infrastructureOf(all), INFRA_TIMEOUT, part -> Ports.isAccepting(settings.port(part)),
                    "accepting connections", Map.of());
            for (Part part : toStart) {
                if (part.isService()) {
                    ProcessHandle process = launchService(part);
                    record(part, process, started, all);
                }
            }
            Map<Part, String> lastAnswers = new ConcurrentHashMap<>();
            awaitReady(servicesOf(all), settings.healthTimeout(), part -> {
                Health health = health(settings.port(part));
                lastAnswers.put(part, health.answer());
                return health.isUp();
            }, "UP", lastAnswers);
        } catch (RuntimeException e) {
            if (!started.isEmpty()) {
                out.accept("start-up failed; stopping what was started: " + ids(started.keySet()));
                stopInOrder(started.keySet());
            }
            throw e;
        } finally {
            removeHook(abort);
        }
        if (settings.stopWithJvm() && stopWithJvm == null) {
            stopWithJvm = new Thread(this::down, "omni-stop-with-jvm");
            Runtime.getRuntime().addShutdownHook(stopWithJvm);
        }
        out.accept("all %d parts are up (%d s)".formatted(wanted.size(),
                Duration.between(begin, Instant.now()).toSeconds()));
    }

    /**
     * Ends one part at once with SIGKILL, as a crash would (kill -9: no shutdown hook, nothing flushed), and waits
     * until it is gone; {@link #start(Part...)} brings it back on the same port with the same data.
     *
     * @throws LocalStackException when the part is not running
     */
    public void kill(Part part) {
        ProcessHandle process = process(part).orElseThrow(() -> new LocalStackException(part.id()
                + " is not running"));
        out.accept(line(part, "killing pid " + process.pid() + " (SIGKILL)"));
        process.destroyForcibly();
        if (!awaitExit(process, Duration.ofSeconds(10))) {
            throw new LocalStackException(part.id() + " (pid " + process.pid() + ") survived SIGKILL for 10 s");
        }
        deleteQuietly(pidFile(part));
        out.accept(line(part, "killed"));
    }

    /** Stops one part as {@link #down()} stops every part (SIGTERM, SIGKILL after 30 s); its data stays. */
    public void stop(Part part) {
        stop(List.of(part));
    }

    /** The process of a part this stack started, while it runs. */
    public Optional<ProcessHandle> process(Part part) {
        return PidFile.read(pidFile(part)).flatMap(PidFile::process);
    }

    /** Stops every part recorded under {@code <home>/run}: the services first, the infrastructure last. */
    public void down() {
        stopInOrder(List.of(Part.values()));
        Thread hook = stopWithJvm;
        if (hook != null && Thread.currentThread() != hook) {
            removeHook(hook);
        }
        stopWithJvm = null;
    }

    /** Same as {@link #down()}. */
    @Override
    public void close() {
        down();
    }

    /** Each part: running or not, PID, port, and its health (services) or whether it accepts connections. */
    public List<PartStatus> status() {
        List<PartStatus> status = new ArrayList<>();
        for (Part part : settings.parts()) {
            Optional<PidFile> file = PidFile.read(pidFile(part));
            Optional<ProcessHandle> process = file.flatMap(PidFile::process);
            int port = file.map(PidFile::port).orElse(settings.port(part));
            String health = part.isService() ? health(port).state()
                    : Ports.isAccepting(port) ? "accepting connections" : "not listening";
            status.add(new PartStatus(part, process.isPresent(),
                    process.map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty()), port, health));
        }
        return status;
    }

    public Settings settings() {
        return settings;
    }

    public String gatewayUrl() {
        return serviceUrl(Part.GATEWAY);
    }

    public String serviceUrl(Part part) {
        return "http://" + Ports.HOST + ":" + settings.port(part);
    }

    public String kafkaBootstrapServers() {
        return Ports.HOST + ":" + settings.port(Part.KAFKA);
    }

    public String mongoUri(String database) {
        return "mongodb://" + Ports.HOST + ":" + settings.port(Part.MONGO) + "/" + database;
    }

    public String s3Endpoint() {
        return "http://" + Ports.HOST + ":" + settings.port(Part.S3);
    }

    /** The secret the gateway signs identities with and the services verify; made once per stack home. */
    public String identitySecret() {
        return StackSecrets.identitySecret(settings.home());
    }

    /** The gateway's API keys file ({@code <home>/api-keys.yml}): the dev keys until someone edits it. */
    public Path apiKeysFile() {
        return StackSecrets.apiKeysFile(settings.home());
    }

    public Path logFile(Part part) {
        return settings.logsDir().resolve(part.id() + ".log");
    }

    /** The runnable jar of a service, {@code <repo>/<module>/target/<module>-<version>-exec.jar}. */
    public Optional<Path> execJar(Part part) {
        Path target = settings.repo().resolve(part.id()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(part.id() + "-") && name.endsWith("-exec.jar");
            }).max(Comparator.comparing(LocalStack::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path pidFile(Part part) {
        return settings.runDir().resolve(part.id() + ".pid");
    }

    private Map<Part, ProcessHandle> running(Collection<Part> parts) {
        Map<Part, ProcessHandle> running = new EnumMap<>(Part.class);
        for (Part part : parts) {
            Optional<ProcessHandle> process = PidFile.read(pidFile(part)).flatMap(PidFile::process);
            if (process.isPresent()) {
                running.put(part, process.get());
            } else {
                deleteQuietly(pidFile(part));
            }
        }
        return running;
    }

    private void checkCanStart(List<Part> toStart) {
        List<String> problems = new ArrayList<>();
        if (toStart.stream().anyMatch(part -> !part.isService())) {
            List<String> missing = JavaProcess.missingEntries(settings.infraClasspath());
            if (!missing.isEmpty()) {
                problems.add("the infrastructure classpath is incomplete (missing " + String.join(", ", missing)
                        + "): build first with ./mvnw -DskipTests install");
            }
        }
        for (Part part : toStart) {
            if (part.isService() && execJar(part).isEmpty()) {
                problems.add(part.id() + ": no runnable jar " + settings.repo().resolve(part.id()).resolve("target")
                        .resolve(part.id() + "-<version>-exec.jar") + ": build first with ./mvnw -DskipTests install");
            }
        }
        Map<Integer, String> wanted = new LinkedHashMap<>();
        for (Part part : toStart) {
            wanted.merge(settings.port(part), part.id(), (a, b) -> a + " and " + b);
            if (part == Part.KAFKA) {
                wanted.merge(settings.kafkaControllerPort(), "kafka (controller)", (a, b) -> a + " and " + b);
            }
        }
        List<Integer> taken = new ArrayList<>();
        wanted.forEach((port, owner) -> {
            if (owner.contains(" and ")) {
                problems.add("port " + port + " is configured for both " + owner);
            } else if (!Ports.isFree(port)) {
                problems.add("port " + port + " (" + owner + ") is already in use on " + Ports.HOST);
                taken.add(port);
            }
        });
        if (!problems.isEmpty()) {
            String hint = taken.isEmpty() ? "" : "\nSee what holds a port with: ss -ltnp 'sport = :" + taken.get(0)
                    + "' (or lsof -i :" + taken.get(0) + "); stop it, or if it is an omnihub stack started from "
                    + "another checkout, run ./omni down there.";
            throw new LocalStackException("cannot start the local stack:\n  - " + String.join("\n  - ", problems)
                    + hint);
        }
    }

    private ProcessHandle launchInfrastructure(Part part) {
        Path log = logFile(part);
        String cp = settings.infraClasspath();
        return switch (part) {
            case KAFKA -> KafkaBroker.launch(new KafkaBroker.Options(settings.dataDir().resolve("kafka"),
                    settings.port(Part.KAFKA), settings.kafkaControllerPort(), cp, log, jvmOptions(part),
                    settings.stopWithJvm())).process();
            case MONGO -> infrastructureProcess(cp, EmbeddedMongo.class, jvmOptions(part), log,
                    "--port", Integer.toString(settings.port(part)),
                    "--file", settings.dataDir().resolve("mongo").resolve("omnihub.mv.db").toString());
            case S3 -> infrastructureProcess(cp, EmbeddedS3.class, jvmOptions(part), log,
                    "--port", Integer.toString(settings.port(part)),
                    "--dir", settings.dataDir().resolve("s3").toString(),
                    "--access-key", S3_ACCESS_KEY, "--secret-key", S3_SECRET_KEY);
            default -> throw new IllegalArgumentException(part.id() + " is a service");
        };
    }

    private ProcessHandle infrastructureProcess(String classpath, Class<?> main, List<String> jvm, Path log,
                                                String... args) {
        List<String> options = new ArrayList<>(jvm);
        options.add(Log4jConfig.writeTo(settings.runDir().resolve("log4j2.properties")));
        return JavaProcess.mainClass(classpath, main.getName(), args)
                .jvmOptions(options)
                .log(log)
                .workDir(settings.home())
                .exitWithParent(settings.stopWithJvm())
                .start()
                .toHandle();
    }

    private ProcessHandle launchService(Part part) {
        Path jar = execJar(part).orElseThrow();
        return JavaProcess.jar(jar)
                .jvmOptions(jvmOptions(part))
                .env(serviceEnvironment(part))
                .log(logFile(part))
                .workDir(settings.home())
                .exitWithParent(settings.stopWithJvm())
                .start()
                .toHandle();
    }

    /** The part's defaults, then what the settings add for it: the JVM takes the last of a repeated option. */
    List<String> jvmOptions(Part part) {
        List<String> options = new ArrayList<>(switch (part) {
            case KAFKA -> KafkaBroker.Options.DEFAULT_JVM_OPTIONS;
            case MONGO -> MONGO_JVM;
            case S3 -> S3_JVM;
            default -> SERVICE_JVM;
        });
        options.addAll(settings.jvmOptions().getOrDefault(part, List.of()));
        return options;
    }

    Map<String, String> serviceEnvironment(Part part) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(settings.port(part)));
        // the dev API keys are public: a laptop's stack answers only on loopback
        env.put("SERVER_ADDRESS", Ports.HOST);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        part.database().ifPresent(database -> env.put("MONGODB_URI", mongoUri(database)));
        env.put("S3_ENDPOINT", s3Endpoint());
        env.put("S3_ACCESS_KEY", S3_ACCESS_KEY);
        env.put("S3_SECRET_KEY", S3_SECRET_KEY);
        // the gateway signs each caller's identity with it, every service verifies it (and refuses to start without)
        env.put("OMNIHUB_IDENTITY_SECRET", identitySecret());
        if (part == Part.GATEWAY) {
            env.put("OMNIHUB_API_KEYS_FILE", apiKeysFile().toString());
            for (Part service : Part.services()) {
                if (service != Part.GATEWAY) {
                    env.put(service.name() + "_URL", serviceUrl(service));
                }
            }
        }
        env.putAll(settings.env());
        return env;
    }

    private void record(Part part, ProcessHandle process, Map<Part, ProcessHandle> started,
                        Map<Part, ProcessHandle> all) {
        started.put(part, process);
        all.put(part, process);
        PidFile.of(process, settings.port(part)).write(pidFile(part));
        out.accept(line(part, "started, pid " + process.pid() + ", port " + settings.port(part)
                + ", log " + logFile(part)));
    }

    private void awaitReady(Map<Part, ProcessHandle> parts, Duration timeout, Predicate<Part> ready, String what,
                            Map<Part, String> lastAnswers) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout);
        Set<Part> pending = new TreeSet<>(parts.keySet());
        while (!pending.isEmpty()) {
            for (Part part : List.copyOf(pending)) {
                if (!parts.get(part).isAlive()) {
                    throw new LocalStackException(part.id() + " exited during start-up; the end of " + logFile(part)
                            + ":\n" + JavaProcess.tail(logFile(part), 40));
                }
                if (ready.test(part)) {
                    pending.remove(part);
                    out.accept(line(part, what + " (" + Duration.between(begin, Instant.now()).toSeconds() + " s)"));
                }
            }
            if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                Part first = pending.iterator().next();
                String answers = pending.stream().filter(lastAnswers::containsKey)
                        .map(part -> "\n  " + part.id() + " answered: " + lastAnswers.get(part))
                        .collect(Collectors.joining());
                throw new LocalStackException("not " + what + " after " + timeout.toSeconds() + " s: " + ids(pending)
                        + answers + "\nthe end of " + logFile(first) + ":\n" + JavaProcess.tail(logFile(first), 25));
            }
            if (!pending.isEmpty()) {
                pause(Duration.ofMillis(500));
            }
        }
    }

    private void stopInOrder(Collection<Part> parts) {
        List<Part> reversed = parts.stream().sorted(Comparator.reverseOrder()).toList();
        stop(reversed.stream().filter(Part::isService).toList());
        stop(reversed.stream().filter(part -> !part.isService()).toList());
    }

    /** SIGTERM to all at once, then wait; what has not stopped after 30 s gets SIGKILL. */
    private void stop(Collection<Part> parts) {
        Map<Part, ProcessHandle> live = new EnumMap<>(Part.class);
        for (Part part : parts) {
            Optional<PidFile> file = PidFile.read(pidFile(part));
            Optional<ProcessHandle> process = file.flatMap(PidFile::process);
            if (process.isPresent()) {
                out.accept(line(part, "stopping pid " + process.get().pid()));
                process.get().destroy();
                live.put(part, process.get());
            } else if (file.isPresent()) {
                out.accept(line(part, "was not running any more (pid " + file.get().pid() + ")"));
            }
        }
        live.forEach((part, process) -> {
            if (!awaitExit(process, STOP_TIMEOUT)) {
                out.accept(line(part, "did not stop within " + STOP_TIMEOUT.toSeconds() + " s, killing it"));
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(10));
            }
            out.accept(line(part, "stopped"));
        });
        parts.forEach(part -> deleteQuietly(pidFile(part)));
    }

    /** What /actuator/health says: UP only with HTTP 200 and status UP. */
    record Health(String state, String answer) {

        boolean isUp() {
            return "UP".equals(state);
        }
    }

    private Health health(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + Ports.HOST + ":" + port
                        + "/actuator/health"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            String answer = "HTTP " + response.statusCode() + " "
                    + (body.length() > 800 ? body.substring(0, 800) + "..." : body);
            // Boot answers 503 for DOWN and OUT_OF_SERVICE, so a 200 that says UP is the aggregate status
            if (response.statusCode() == 200 && body.contains("\"UP\"")) {
                return new Health("UP", answer);
            }
            return new Health(response.statusCode() == 503 ? "DOWN" : "HTTP " + response.statusCode(), answer);
        } catch (IOException e) {
            return new Health("not answering", "nothing (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health("not answering", "nothing (interrupted)");
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Map<Part, ProcessHandle> infrastructureOf(Map<Part, ProcessHandle> all) {
        Map<Part, ProcessHandle> infra = new EnumMap<>(Part.class);
        all.forEach((part, process) -> {
            if (!part.isService()) {
                infra.put(part, process);
            }
        });
        return infra;
    }

    private static Map<Part, ProcessHandle> servicesOf(Map<Part, ProcessHandle> all) {
        Map<Part, ProcessHandle> services = new EnumMap<>(Part.class);
        all.forEach((part, process) -> {
            if (part.isService()) {
                services.put(part, process);
            }
        });
        return services;
    }

    private static String line(Part part, String message) {
        return "%-18s %s".formatted(part.id(), message);
    }

    private static String ids(Collection<Part> parts) {
        return parts.stream().sorted().map(Part::id).collect(Collectors.joining(", "));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to run; nothing to undo
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a pid file left behind is recognised as stale next time
        }
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting for the local stack", e);
        }
    }

    private static List<String> jvm(String... heap) {
        List<String> options = new ArrayList<>(List.of(heap));
        options.addAll(JavaProcess.SMALL_JVM);
        return List.copyOf(options);
    }

    private static List<String> busyJvm(String... heap) {
        List<String> options = new ArrayList<>(List.of(heap));
        options.addAll(JavaProcess.BUSY_JVM);
        return List.copyOf(options);
    }
}
