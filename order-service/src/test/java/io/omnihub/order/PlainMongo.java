package io.omnihub.order;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.omnihub.testsupport.TestInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A {@link MongoTemplate} on the tests' MongoDB-wire server mapped as the service maps (decimals as decimal128), for
 * tests of one repository without the application around it (no worker acts on what they store).
 */
public final class PlainMongo implements AutoCloseable {

    private final MongoClient client;
    private final MongoTemplate template;

    private PlainMongo(String database) {
        client = MongoClients.create(TestInfrastructure.mongoUri(database));
        MongoCustomConversions conversions = MongoCustomConversions.create(
                adapter -> adapter.bigDecimal(BigDecimalRepresentation.DECIMAL128));
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        template = new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, database), converter);
    }

    /** A template on {@code database} (use a name of the test class's own). */
    public static PlainMongo open(String database) {
        return new PlainMongo(database);
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
    }
}
