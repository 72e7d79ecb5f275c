package io.omnihub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample ERP files in the repository's {@code fixtures/} directory, found from any module's working directory. */
public final class Fixtures {

    private Fixtures() {
    }

    /** E.g. {@code path("categories.xlsx")} or {@code path("photos/1001 1.png")}. */
    public static Path path(String name) {
        Path file = directory().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no fixture " + name + " in " + directory());
        }
        return file;
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks up from the working directory: Maven runs each module's tests inside the module. */
    public static Path directory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path fixtures = dir.resolve("fixtures");
            if (Files.isDirectory(fixtures) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return fixtures;
            }
        }
        throw new IllegalStateException("no fixtures/ directory next to a pom.xml in " + start + " or above");
    }
}
