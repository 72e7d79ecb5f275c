package io.omnihub.catalog.category;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A category with its sub-categories, as {@code GET /api/v1/categories} answers it. */
record CategoryNode(String id, String name, String parentId, List<CategoryNode> children) {

    private static final Comparator<CategoryNode> BY_NAME = Comparator.comparing(CategoryNode::name,
            Collator.getInstance(Locale.forLanguageTag("pt-BR")));

    /** Builds the forest from flat nodes; a node whose parent is missing is shown as a root. */
    static List<CategoryNode> tree(List<Category> categories) {
        Map<String, List<Category>> byParent = new HashMap<>();
        Map<String, Category> byId = new HashMap<>();
        categories.forEach(category -> byId.put(category.id(), category));
        for (Category category : categories) {
            String parent = category.parentId() != null && byId.containsKey(category.parentId())
                    ? category.parentId() : null;
            byParent.computeIfAbsent(parent, key -> new ArrayList<>()).add(category);
        }
        return children(null, byParent);
    }

    private static List<CategoryNode> children(String parentId, Map<String, List<Category>> byParent) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .map(category -> new CategoryNode(category.id(), category.name(), category.parentId(),
                        children(category.id(), byParent)))
                .sorted(BY_NAME).toList();
    }
}
