package io.omnihub.catalog.category;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Keeps the category tree: paths from the ERP become nodes, once, however often they arrive. */
@Service
public class CategoryService {

    private final MongoTemplate mongo;
    private final Clock clock;

    CategoryService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Creates every missing node of the path; an existing node (and its parent, if re-parented) is left as is. */
    public void ensurePath(List<String> path) {
        String parentId = null;
        for (int depth = 1; depth <= path.size(); depth++) {
            List<String> prefix = path.subList(0, depth);
            String id = CategoryIds.of(prefix);
            mongo.upsert(Query.query(where("id").is(id)), new Update().setOnInsert("name", prefix.get(depth - 1))
                    .setOnInsert("path", prefix).setOnInsert("parentId", parentId)
                    .setOnInsert("createdAt", clock.instant()), Category.class);
            parentId = id;
        }
    }

    List<CategoryNode> tree() {
        return CategoryNode.tree(mongo.findAll(Category.class));
    }
}
