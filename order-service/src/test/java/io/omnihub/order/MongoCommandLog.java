package io.omnihub.order;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The MongoDB commands the service sends while a test records them: collection, command, the fields its filter
 * names, and the thread that sent it. Registered on the service's client for every class of {@link EmbeddedOrders}.
 */
public final class MongoCommandLog implements CommandListener {

    static final MongoCommandLog INSTANCE = new MongoCommandLog();

    /** One command: for an update or delete, one per statement of it. */
    public record Command(String collection, String name, Set<String> filterFields, String thread) {

        boolean reads(String collection) {
            return this.collection.equals(collection) && name.equals("find");
        }

        boolean writes() {
            return Set.of("update", "delete", "findAndModify").contains(name);
        }
    }

    private volatile List<Command> recording;

    private MongoCommandLog() {
    }

    /** Starts recording from now on, forgetting what was recorded before. */
    public void start() {
        recording = new CopyOnWriteArrayList<>();
    }

    /** Stops recording; answers what was recorded. */
    public List<Command> stop() {
        List<Command> recorded = recording;
        recording = null;
        return recorded == null ? List.of() : List.copyOf(recorded);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<Command> into = recording;
        if (into == null) {
            return;
        }
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        BsonValue target = command.get(name);
        if (target == null || !target.isString()) {
            return;
        }
        String collection = target.asString().getValue();
        String thread = Thread.currentThread().getName();
        for (BsonDocument filter : filters(name, command)) {
            into.add(new Command(collection, name, Set.copyOf(filter.keySet()), thread));
        }
    }

    private static List<BsonDocument> filters(String name, BsonDocument command) {
        List<BsonDocument> filters = new ArrayList<>();
        switch (name) {
            case "find" -> filters.add(command.getDocument("filter", new BsonDocument()));
            case "update", "delete" -> command.getArray(name.equals("update") ? "updates" : "deletes")
                    .forEach(statement -> filters.add(statement.asDocument().getDocument("q")));
            case "findAndModify" -> filters.add(command.getDocument("query", new BsonDocument()));
            case "insert" -> command.getArray("documents", new org.bson.BsonArray())
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
