package io.omnihub.localstack;

import java.util.OptionalLong;

/** One line of {@code ./omni status}: whether a part runs, under which PID, on which port, and how healthy it is. */
public record PartStatus(Part part, boolean running, OptionalLong pid, int port, String health) {
}
