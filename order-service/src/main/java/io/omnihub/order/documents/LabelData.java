package io.omnihub.order.documents;

import java.util.List;

/** Everything printed on a shipping label, already cut into lines: the renderer only places them. */
record LabelData(List<String> sender, List<String> recipient, List<String> references, String carrier,
        String trackingCode) {

    LabelData {
        sender = List.copyOf(sender);
        recipient = List.copyOf(recipient);
        references = List.copyOf(references);
    }
}
