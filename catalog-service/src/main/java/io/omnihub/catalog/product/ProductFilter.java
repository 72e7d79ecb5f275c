package io.omnihub.catalog.product;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.catalog.category.CategoryTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What {@code GET /api/v1/products} filters on; every filter given must hold.
 *
 * @param category              a category id; by default its sub-categories (under the current tree) count too
 * @param includeSubcategories  false to match the category itself only
 * @param brand                 the brand, compared without case or accents
 * @param active                whether channels may sell it
 * @param text                  every word inside the name (no case, no accents), or the start of the reference or EAN
 */
record ProductFilter(String category, boolean includeSubcategories, String brand, Boolean active, String text) {

    Criteria toCriteria(CategoryTree tree) {
        List<Criteria> all = new ArrayList<>();
        if (category != null && !category.isBlank()) {
            Set<String> ids = includeSubcategories ? tree.selfAndDescendants(category) : Set.of(category);
            all.add(where("categoryId").in(ids));
        }
        if (brand != null && !brand.isBlank()) {
            all.add(where("search.brand").is(SearchText.normalize(brand)));
        }
        if (active != null) {
            all.add(where("active").is(active));
        }
        List<String> words = SearchText.words(text);
        if (!words.isEmpty()) {
            all.add(textCriteria(words));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    private static Criteria textCriteria(List<String> words) {
        Criteria inName = new Criteria().andOperator(words.stream()
                .map(word -> where("search.name").regex(SearchText.literal(word))).toList());
        // codes hold no spaces: the whole text is compared, anchored so that an index can serve it
        String code = "^" + SearchText.literal(String.join("", words));
        return new Criteria().orOperator(inName, where("search.reference").regex(code), where("ean").regex(code));
    }
}
