package io.omnihub.inventory;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The MongoDB commands the service sends while a test records them: one entry per statement (an update or delete
 * of several statements, an insert of several documents, gives several), with the round trip it belongs to, the
 * collection, the fields its filter names and the sending thread. Registered on the service's client for every
 * class of {@link EmbeddedInventory}.
 */
final class MongoCommandLog implements CommandListener {

    static final MongoCommandLog INSTANCE = new MongoCommandLog();

    /** One statement of round trip {@code requestId}. */
    record Statement(int requestId, String collection, String name, Set<String> filterFields, String thread) {

        boolean writes() {
            return Set.of("update", "delete", "findAndModify").contains(name);
        }

        boolean reads() {
            return name.equals("find");
        }
    }

    private volatile List<Statement> recording;
    /** The test's own thread: what it reads to wait for the service is not the service's cost. */
    private volatile Thread test;

    private MongoCommandLog() {
    }

    /** Starts recording from now on what other threads than this one send, forgetting what was recorded before. */
    void start() {
        test = Thread.currentThread();
        recording = new CopyOnWriteArrayList<>();
    }

    /** Stops recording; answers what was recorded. */
    List<Statement> stop() {
        List<Statement> recorded = recording;
        recording = null;
        return recorded == null ? List.of() : List.copyOf(recorded);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<Statement> into = recording;
        if (into == null || Thread.currentThread() == test) {
            return;
        }
        String name = event.getCommandName();
        BsonValue target = event.getCommand().get(name);
        if (target == null || !target.isString()) {
            return;
        }
        for (BsonDocument filter : filters(name, event.getCommand())) {
            into.add(new Statement(event.getRequestId(), target.asString().getValue(), name,
                    Set.copyOf(filter.keySet()), Thread.currentThread().getName()));
        }
    }

    private static List<BsonDocument> filters(String name, BsonDocument command) {
        List<BsonDocument> filters = new ArrayList<>();
        switch (name) {
            case "find" -> filters.add(command.getDocument("filter", new BsonDocument()));
            case "update", "delete" -> command.getArray(name.equals("update") ? "updates" : "deletes")
                    .forEach(statement -> filters.add(statement.asDocument().getDocument("q")));
            case "findAndModify" -> filters.add(command.getDocument("query", new BsonDocument()));
            case "insert" -> command.getArray("documents", new BsonArray())
                    .forEach(document -> filters.add(new BsonDocument()));
            default -> filters.add(command.getDocument("query", command.getDocument("filter", new BsonDocument())));
        }
        return filters;
    }

    /** Adds the log to the service's MongoDB client. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        MongoClientSettingsBuilderCustomizer mongoCommandLog() {
            return settings -> settings.addCommandListener(INSTANCE);
        }
    }
}
