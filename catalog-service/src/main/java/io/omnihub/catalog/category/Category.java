package io.omnihub.catalog.category;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A node of the category tree. Its id derives from the path the ERP first gave it, so the same path always
 * lands on the same document; {@code parentId} may later be changed by an operator.
 */
@Document("categories")
record Category(@Id String id, String name, List<String> path, @Indexed String parentId, Instant createdAt) {
}
