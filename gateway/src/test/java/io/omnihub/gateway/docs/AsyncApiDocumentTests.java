package io.omnihub.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.EventTypes;
import io.omnihub.contracts.Topics;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AsyncApiDocumentTests {

    private final JsonNode document = JsonMapper.builder().build().readTree(AsyncApiDocument.json("1.2.3"));

    @Test
    void isAnAsyncApi3DocumentOfTheKafkaTopics() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.path("info").path("version").asString()).isEqualTo("1.2.3");
        assertThat(document.path("servers").path("kafka").path("protocol").asString()).isEqualTo("kafka");
    }

    @Test
    void describesEveryTopicOmnihubWritesWithItsKey() {
        List<String> addresses = new ArrayList<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));

        assertThat(addresses).containsExactlyElementsOf(Topics.ALL);
        assertThat(EventTypes.BY_TOPIC.keySet()).containsExactlyElementsOf(Topics.ALL);
        for (String topic : Topics.ALL) {
            JsonNode channel = document.path("channels").path(AsyncApiDocument.channelId(topic));
            assertThat(channel.path("description").asString()).as(topic).startsWith("Key: ")
                    .contains(AsyncApiDocument.KEYS.get(topic));
            assertThat(document.path("operations").path("send-" + AsyncApiDocument.channelId(topic))
                    .path("action").asString()).isEqualTo("send");
        }
        assertThat(document.path("channels").path("inventory-availability").path("bindings").path("kafka")
                .path("topicConfiguration").path("cleanup.policy").get(0).asString()).isEqualTo("compact");
    }

    @Test
    void describesEveryEventTypeOnTheTopicThatCarriesIt() {
        SoftAssertions softly = new SoftAssertions();
        int described = 0;
        for (var entry : EventTypes.BY_TOPIC.entrySet()) {
            JsonNode channel = document.path("channels").path(AsyncApiDocument.channelId(entry.getKey()));
            List<String> names = new ArrayList<>();
            channel.path("messages").propertyNames().forEach(names::add);
            softly.assertThat(names).as(entry.getKey())
                    .containsExactlyElementsOf(entry.getValue().stream().map(Class::getSimpleName).toList());
            for (Class<? extends Record> event : entry.getValue()) {
                JsonNode message = document.path("components").path("messages").path(event.getSimpleName());
                softly.assertThat(message.path("headers").path("properties").path("ce_type").path("const")
                        .asString()).as("ce_type of " + event.getSimpleName()).isEqualTo(EventTypes.typeOf(event));
                softly.assertThat(message.path("payload").path("$ref").asString())
                        .isEqualTo(EventSchemas.REF_PREFIX + event.getSimpleName());
                described++;
            }
        }
        softly.assertThat(described).as("every event type").isEqualTo(EventTypes.ALL.size());
        softly.assertAll();
    }

    @Test
    void givesEachEventTheFieldsOfItsRecordAndTheGoldenJsonAsExample() {
        SoftAssertions softly = new SoftAssertions();
        for (Class<? extends Record> event : EventTypes.ALL) {
            JsonNode schema = document.path("components").path("schemas").path(event.getSimpleName());
            List<String> properties = new ArrayList<>();
            schema.path("properties").propertyNames().forEach(properties::add);
            List<String> components = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName)
                    .toList();
            softly.assertThat(properties).as(event.getSimpleName()).containsExactlyElementsOf(components);

            JsonNode example = document.path("components").path("messages").path(event.getSimpleName())
                    .path("examples").get(0).path("payload");
            List<String> goldenFields = new ArrayList<>();
            example.propertyNames().forEach(goldenFields::add);
            softly.assertThat(properties).as("the golden JSON of %s has only fields of the schema",
                    event.getSimpleName()).containsAll(goldenFields);
            softly.assertThat(goldenFields).as("golden example of %s", event.getSimpleName()).isNotEmpty();
        }
        softly.assertAll();
    }

    @Test
    void resolvesEveryReferenceOfTheDocument() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            JsonNode target = document.at(reference.substring(1).replace("~1", "/"));
            assertThat(target.isMissingNode()).as(reference).isFalse();
        });
    }

    @Test
    void mapsJavaTypesToJsonSchemaTypes() {
        JsonNode assigned = document.path("components").path("schemas").path("FulfillmentAssigned")
                .path("properties");

        assertThat(assigned.path("acceptBy").path("format").asString()).isEqualTo("date-time");
        assertThat(assigned.path("lines").path("type").asString()).isEqualTo("array");
        assertThat(assigned.path("lines").path("items").path("$ref").asString())
                .isEqualTo(EventSchemas.REF_PREFIX + "AssignedLine");
        assertThat(assigned.path("journey").path("enum").size()).isPositive();
        JsonNode line = document.path("components").path("schemas").path("AssignedLine").path("properties");
        assertThat(line.path("quantity").path("type").asString()).isEqualTo("integer");
        assertThat(line.path("unitPrice").path("type").asString()).isEqualTo("number");
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asString());
                } else {
                    collectReferences(field.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }
}
