package io.omnihub.localstack;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** A JVM started as a separate process, its output appended to a log file. */
final class JavaProcess {

    /** Flags that keep an idle JVM small: the stack is many JVMs on one developer machine. */
    static final List<String> SMALL_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    /**
     * The small JVM with the optimising compiler (C2) left on, for the processes every write of every service goes
     * through (the MongoDB emulator, the Kafka broker). Compiled by C1 alone, the emulator spent about twice the CPU
     * per stored document (in one JVM, 200,000 product inserts: 0.16–0.23 ms each with C1, 0.09–0.105 with C2).
     */
    static final List<String> BUSY_JVM = SMALL_JVM.stream().filter(flag -> !flag.startsWith("-XX:TieredStopAtLevel"))
            .toList();

    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Path jar;
    private final String classpath;
    private final String mainClass;
    private final List<String> args;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private Path log;
    private Path workDir;
    private boolean exitWithParent;

    private JavaProcess(Path jar, String classpath, String mainClass, List<String> args) {
        this.jar = jar;
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.args = List.copyOf(args);
    }

    static JavaProcess mainClass(String classpath, String mainClass, String... args) {
        return new JavaProcess(null, classpath, mainClass, Arrays.asList(args));
    }

    static JavaProcess jar(Path jar) {
        return new JavaProcess(jar, null, null, List.of());
    }

    JavaProcess jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    JavaProcess env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    JavaProcess log(Path file) {
        this.log = file;
        return this;
    }

    JavaProcess workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** Makes the process exit when this JVM does (tests); the launcher instead leaves its processes running. */
    JavaProcess exitWithParent(boolean exit) {
        this.exitWithParent = exit;
        return this;
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        // a session of its own: a Ctrl-C or a closed terminal of ./omni must not reach the stack
        SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(setsid -> command.add(setsid.toString()));
        command.add(javaBinary().toString());
        command.addAll(jvmOptions);
        List<String> watch = exitWithParent
                ? List.of(ParentWatch.class.getName(), Long.toString(ProcessHandle.current().pid()))
                : List.of();
        if (jar != null && !exitWithParent) {
            command.addAll(List.of("-jar", jar.toString()));
        } else if (jar != null) {
            command.addAll(List.of("-cp", jar + File.pathSeparator + ownLocation()));
            command.addAll(watch);
            command.add(manifestMainClass(jar));
        } else {
            command.addAll(List.of("-cp", exitWithParent ? classpath + File.pathSeparator + ownLocation() : classpath));
            command.addAll(watch);
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    Process start() {
        List<String> command = command();
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "%n==== %s starting: %s%n".formatted(Instant.now(), String.join(" ", command)),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (workDir != null) {
                Files.createDirectories(workDir);
                builder.directory(workDir.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            // nothing is ever typed into these processes
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new LocalStackException("Could not start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** The last lines of a log file, to show why a part did not come up. */
    static String tail(Path log, int lines) {
        if (!Files.isReadable(log)) {
            return "(no log at " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks each classpath entry exists, so a missing build gives one clear message instead of a ClassNotFound. */
    static List<String> missingEntries(String classpath) {
        return Stream.of(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !Files.exists(Path.of(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry)))
                .toList();
    }

    private static String ownLocation() {
        try {
            return Path.of(ParentWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String manifestMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new LocalStackException(jar + " has no Main-Class in its manifest (being rebuilt right now?)");
            }
            return main;
        } catch (IOException e) {
            throw new LocalStackException(jar + " cannot be read (being rebuilt right now?): " + e.getMessage(), e);
        }
    }
}
