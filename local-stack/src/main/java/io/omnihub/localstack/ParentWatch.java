package io.omnihub.localstack;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs another main class and exits when a given process is gone: a test JVM that dies without stopping the stack
 * must not leave brokers and services behind. {@code ParentWatch <pid> <main class> [args...]}
 */
final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Throwable {
        long parentPid = Long.parseLong(args[0]);
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            System.err.println("parent process " + parentPid + " is already gone, not starting");
            System.exit(1);
        }
        // System.exit runs the shutdown hooks, so the wrapped server still stops cleanly
        parent.get().onExit().thenRun(() -> {
            System.err.println("parent process " + parentPid + " is gone, shutting down");
            System.exit(0);
        });
        Class<?> mainClass = Class.forName(args[1]);
        try {
            mainClass.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
