package io.omnihub.order.documents;

import io.omnihub.contracts.orders.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cuts a shipment into the lines of a 4x6 in label: sender and recipient blocks (name, street, postal code and city,
 * state), then the references a carrier or a store clerk looks for. Name and address lines longer than a label's
 * width are cut, so the blocks keep their height and never push the barcode off the page.
 */
final class LabelLayout {

    /** Characters that fit across a 4 in label in the recipient's font. */
    static final int MAX_LINE = 42;

    private LabelLayout() {
    }

    static LabelData of(Shipment shipment, String carrier, String trackingCode) {
        List<String> references = new ArrayList<>();
        references.add("Order " + shipment.orderId());
        if (present(shipment.channelOrderId())) {
            references.add("Channel order " + shipment.channelOrderId());
        }
        references.add("Fulfilment " + shipment.fulfillmentId());
        // references are printed whole, wrapped if need be: a cut id is worse than none
        return new LabelData(party(shipment.sender()), party(shipment.recipient()), references, carrier,
                trackingCode);
    }

    static List<String> party(Shipment.Party party) {
        List<String> lines = new ArrayList<>();
        lines.add(present(party.name()) ? party.name().strip() : "(no name)");
        Address address = party.address();
        if (address != null) {
            addIfPresent(lines, address.street());
            addIfPresent(lines, join(" ", address.postalCode(), address.city()));
            addIfPresent(lines, address.state());
        }
        return lines.stream().map(LabelLayout::fit).toList();
    }

    static String fit(String line) {
        String flat = line.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_LINE ? flat : flat.substring(0, MAX_LINE - 1) + "…";
    }

    private static void addIfPresent(List<String> lines, String value) {
        if (present(value)) {
            lines.add(value);
        }
    }

    private static String join(String separator, String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).map(String::strip).filter(part -> !part.isEmpty())
                .collect(Collectors.joining(separator));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
