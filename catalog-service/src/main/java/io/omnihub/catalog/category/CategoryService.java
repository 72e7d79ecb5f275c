package io.omnihub.catalog.category;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Keeps the category tree: paths from the ERP become nodes, once, however often they arrive; operators move them. */
@Service
public class CategoryService {

    /** Paths remembered as stored; a catalog has hundreds, and more than this only costs upserts again. */
    private static final int REMEMBERED_PATHS = 10_000;

    private final MongoTemplate mongo;
    private final Clock clock;
    /**
     * Paths this process has stored, by their last node's id: nodes are never deleted, so a path stored once needs
     * no upsert again (every product of an import names one; the upserts were a tenth of the catalog's CPU).
     */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    CategoryService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Creates every missing node of the path and answers the id of its last one; an existing node (and its
     * parent, if re-parented) is left as is.
     */
    public String ensurePath(List<String> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a category path has at least one segment");
        }
        String lastId = CategoryIds.of(path);
        if (stored.contains(lastId)) {
            return lastId;
        }
        String parentId = null;
        for (int depth = 1; depth <= path.size(); depth++) {
            List<String> prefix = path.subList(0, depth);
            String id = CategoryIds.of(prefix);
            mongo.upsert(Query.query(where("id").is(id)), new Update().setOnInsert("name", prefix.get(depth - 1))
                    .setOnInsert("path", prefix).setOnInsert("parentId", parentId)
                    .setOnInsert("createdAt", clock.instant()), Category.class);
            parentId = id;
        }
        if (stored.size() >= REMEMBERED_PATHS) {
            stored.clear();
        }
        stored.add(lastId);
        return lastId;
    }

    /** The whole tree as it stands now; it is small (hundreds of nodes), so it is read whole. */
    public CategoryTree snapshot() {
        return CategoryTree.of(mongo.findAll(Category.class));
    }

    List<CategoryNode> tree() {
        return CategoryNode.tree(mongo.findAll(Category.class));
    }

    /**
     * Puts the category under {@code parentId} (null: makes it a root), so that it and its sub-categories
     * count as the new parent's from now on.
     */
    CategoryResponse move(String id, String parentId) {
        CategoryTree tree = snapshot();
        if (!tree.contains(id)) {
            throw new CategoryNotFoundException(id);
        }
        if (parentId != null && !tree.contains(parentId)) {
            throw new UnknownParentException(parentId);
        }
        if (tree.wouldCreateCycle(id, parentId)) {
            throw new CategoryCycleException(id, parentId);
        }
        mongo.updateFirst(Query.query(where("id").is(id)), Update.update("parentId", parentId), Category.class);
        return view(snapshot(), id);
    }

    private static CategoryResponse view(CategoryTree tree, String id) {
        Category category = tree.get(id);
        return new CategoryResponse(category.id(), category.name(), category.parentId(), tree.pathText(id));
    }
}
