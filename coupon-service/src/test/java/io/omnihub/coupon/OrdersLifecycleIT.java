package io.omnihub.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.Topics;
import io.omnihub.platform.kafka.InvalidEventException;
import io.omnihub.testsupport.DeadLetters;
import io.omnihub.testsupport.TestIdentities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Returns on {@code orders.lifecycle}, as order-service writes them, become coupons: one per return. */
class OrdersLifecycleIT extends EmbeddedCoupons {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> OTHER_ORDER_EVENTS = Map.of(
            "io.omnihub.orders.order-received", "orders.lifecycle/order-received.json",
            "io.omnihub.orders.fulfillment-status-changed", "orders.lifecycle/fulfillment-status-changed.json",
            "io.omnihub.orders.order-rerouted", "orders.lifecycle/order-rerouted.json",
            "io.omnihub.orders.order-lines-unfulfillable", "orders.lifecycle/order-lines-unfulfillable.json");

    @Test
    void theProducersGoldenReturnBecomesItsCustomersCoupon() {
        String cpf = Cpfs.fresh();
        String orderId = "ord-" + UUID.randomUUID();
        String returnId = "ret-" + UUID.randomUUID();

        orders.send(orderId, OrdersTopic.RETURN_RECORDED, goldenReturn(orderId, returnId, cpf));

        JsonNode coupon = awaitCoupons(cpf, 1).get(0);
        assertThat(coupon.path("returnId").asString()).isEqualTo(returnId);
        assertThat(coupon.path("orderId").asString()).isEqualTo(orderId);
        assertThat(coupon.path("fulfillmentId").asString()).isEqualTo("ful-01JE0A-1");
        assertThat(coupon.path("issuingStoreId").asString()).isEqualTo("LJ001");
        assertThat(coupon.path("amount").decimalValue()).isEqualByComparingTo("333.14");
        assertThat(coupon.path("currency").asString()).isEqualTo("BRL");
        assertThat(coupon.path("reason").asString()).isEqualTo("RETURN_IN_STORE");
        assertThat(coupon.path("status").asString()).isEqualTo("ACTIVE");
        String code = coupon.path("code").asString();
        JsonNode issued = awaitEvents(code, ISSUED, 1).get(0);
        assertThat(issued.path("returnId").asString()).isEqualTo(returnId);
        assertThat(issued.path("customerDocument").asString()).isEqualTo(cpf);
        // the store that took the return back sees the coupon
        assertThat(get("/api/v1/coupons/" + code, TestIdentities.store("LJ001")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theCouponIssuedForAReturnCarriesTheReturnsCorrelationId() {
        String cpf = Cpfs.fresh();
        String orderId = "ord-" + UUID.randomUUID();

        orders.send(orderId, OrdersTopic.RETURN_RECORDED, goldenReturn(orderId, "ret-" + UUID.randomUUID(), cpf),
                "return-at-till-3");

        String code = awaitCoupons(cpf, 1).get(0).path("code").asString();
        awaitEvents(code, ISSUED, 1);
        assertThat(CouponsTopic.header(topic.records(code).get(0), "correlation-id")).isEqualTo("return-at-till-3");
    }

    @Test
    void aRedeliveredReturnYieldsNoSecondCoupon() {
        String cpf = Cpfs.fresh();
        String orderId = "ord-" + UUID.randomUUID();
        byte[] returned = goldenReturn(orderId, "ret-" + UUID.randomUUID(), cpf);

        orders.send(orderId, OrdersTopic.RETURN_RECORDED, returned);
        orders.send(orderId, OrdersTopic.RETURN_RECORDED, returned);
        awaitHandled(orderId);

        assertThat(coupons(cpf)).hasSize(1);
    }

    @Test
    void aReturnWithoutCouponRequestYieldsNoCoupon() {
        String cpf = Cpfs.fresh();
        String orderId = "ord-" + UUID.randomUUID();
        ObjectNode returned = (ObjectNode) JSON.readTree(goldenReturn(orderId, "ret-" + UUID.randomUUID(), cpf));
        returned.putNull("coupon");

        orders.send(orderId, OrdersTopic.RETURN_RECORDED, JSON.writeValueAsBytes(returned));
        awaitHandled(orderId);

        assertThat(coupons(cpf)).isEmpty();
    }

    @Test
    void theTopicsOtherEventsAreLetGoWithoutDeadLetters() {
        String orderId = "ord-" + UUID.randomUUID();

        OTHER_ORDER_EVENTS.forEach((type, golden) -> orders.send(orderId, type, Golden.bytes(golden)));
        awaitHandled(orderId);

        assertThat(deadLetters()).extracting(ConsumerRecord::key).doesNotContain(orderId);
    }

    @Test
    void aReturnWhoseCouponCanNeverBeIssuedGoesToTheDeadLetterTopic() {
        String orderId = "ord-" + UUID.randomUUID();
        byte[] invalid = goldenReturn(orderId, "ret-" + UUID.randomUUID(), "12345678900");

        ConsumerRecord<String, byte[]> dead = DeadLetters.of(kafka.getBrokersAsString(), Topics.ORDERS_LIFECYCLE,
                orderId, PATIENCE, () -> orders.send(orderId, OrdersTopic.RETURN_RECORDED, invalid));

        assertThat(CouponsTopic.header(dead, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(InvalidEventException.class.getName());
        assertThat(CouponsTopic.header(dead, "kafka_dlt-exception-message")).contains("customerDocument");
    }

    /** The golden return of order-service for another order, return and customer. */
    private static byte[] goldenReturn(String orderId, String returnId, String cpf) {
        ObjectNode returned = (ObjectNode) JSON.readTree(Golden.bytes("orders.lifecycle/return-recorded.json"));
        returned.put("orderId", orderId);
        returned.put("returnId", returnId);
        returned.put("customerDocument", cpf);
        return JSON.writeValueAsBytes(returned);
    }

    /**
     * Sends a return with a coupon for a fresh customer on the order's partition and waits for its coupon: the
     * order's records sent before it have been handled.
     */
    private void awaitHandled(String orderId) {
        String sentinel = Cpfs.fresh();
        orders.send(orderId, OrdersTopic.RETURN_RECORDED, goldenReturn(orderId, "ret-" + UUID.randomUUID(),
                sentinel));
        awaitCoupons(sentinel, 1);
    }

    private List<JsonNode> awaitCoupons(String cpf, int count) {
        return await().atMost(PATIENCE).until(() -> coupons(cpf), coupons -> coupons.size() >= count);
    }

    private List<JsonNode> coupons(String cpf) {
        ResponseEntity<JsonNode> response = get("/api/v1/coupons?customer=" + cpf, TestIdentities.OPERATOR);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().path("items").valueStream().toList();
    }

    /** Everything on {@code orders.lifecycle-dlt} so far, read up to the end. */
    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        String topic = Topics.deadLetter(Topics.ORDERS_LIFECYCLE);
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(kafka,
                "dlt-" + UUID.randomUUID(), false), new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
            return records;
        }
    }
}
