package io.omnihub.catalog.category;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The category tree as it stands at one moment, for questions of ancestry: which categories a filter covers,
 * the path a category has now, whether a move would make a category its own ancestor.
 */
public final class CategoryTree {

    /** How a path is written in files, events and answers. */
    public static final String PATH_SEPARATOR = " > ";

    private final Map<String, Category> byId = new HashMap<>();
    private final Map<String, List<String>> childrenByParent = new HashMap<>();

    private CategoryTree(Collection<Category> categories) {
        categories.forEach(category -> byId.put(category.id(), category));
        for (Category category : categories) {
            if (category.parentId() != null && byId.containsKey(category.parentId())) {
                childrenByParent.computeIfAbsent(category.parentId(), key -> new ArrayList<>()).add(category.id());
            }
        }
    }

    static CategoryTree of(Collection<Category> categories) {
        return new CategoryTree(categories);
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    Category get(String id) {
        return byId.get(id);
    }

    /** The category and every category below it under the current parents; just the id when it is unknown. */
    public Set<String> selfAndDescendants(String id) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(id));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            // the visited check also ends a walk that a racing re-parent turned into a loop
            if (found.add(next)) {
                pending.addAll(childrenByParent.getOrDefault(next, List.of()));
            }
        }
        return found;
    }

    /** The names from the root down to the category under the current parents; empty when it is unknown. */
    public List<String> path(String id) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Category at = byId.get(id);
        while (at != null && seen.add(at.id())) {
            names.add(at.name());
            at = at.parentId() == null ? null : byId.get(at.parentId());
        }
        Collections.reverse(names);
        return List.copyOf(names);
    }

    /** {@link #path} as people write it, {@code Roupas > Camisetas}; null when the category is unknown. */
    public String pathText(String id) {
        List<String> names = path(id);
        return names.isEmpty() ? null : String.join(PATH_SEPARATOR, names);
    }

    /** Whether putting the category under {@code newParentId} would make it its own ancestor. */
    boolean wouldCreateCycle(String id, String newParentId) {
        return newParentId != null && selfAndDescendants(id).contains(newParentId);
    }
}
