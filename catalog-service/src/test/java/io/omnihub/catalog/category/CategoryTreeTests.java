package io.omnihub.catalog.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryTreeTests {

    private static final List<Category> MODA = List.of(category("moda", "Moda", null),
            category("moda.camisetas", "Camisetas", "moda"),
            category("moda.camisetas.manga-longa", "Manga Longa", "moda.camisetas"),
            category("moda.calcas", "Calças", "moda"), category("promocoes", "Promoções", null));

    @Test
    void aCategoryCoversItselfAndEveryLevelBelowIt() {
        var tree = CategoryTree.of(MODA);

        assertThat(tree.selfAndDescendants("moda")).containsExactlyInAnyOrder("moda", "moda.camisetas",
                "moda.camisetas.manga-longa", "moda.calcas");
        assertThat(tree.selfAndDescendants("moda.camisetas")).containsExactlyInAnyOrder("moda.camisetas",
                "moda.camisetas.manga-longa");
        assertThat(tree.selfAndDescendants("promocoes")).containsExactly("promocoes");
    }

    @Test
    void anUnknownCategoryCoversOnlyItsOwnId() {
        assertThat(CategoryTree.of(MODA).selfAndDescendants("nada")).containsExactly("nada");
    }

    @Test
    void followsTheCurrentParentsNotTheOriginalPaths() {
        var moved = MODA.stream().map(category -> category.id().equals("moda.camisetas")
                ? category("moda.camisetas", "Camisetas", "promocoes") : category).toList();
        var tree = CategoryTree.of(moved);

        assertThat(tree.selfAndDescendants("promocoes")).containsExactlyInAnyOrder("promocoes", "moda.camisetas",
                "moda.camisetas.manga-longa");
        assertThat(tree.selfAndDescendants("moda")).containsExactlyInAnyOrder("moda", "moda.calcas");
        assertThat(tree.path("moda.camisetas.manga-longa")).containsExactly("Promoções", "Camisetas",
                "Manga Longa");
        assertThat(tree.pathText("moda.camisetas")).isEqualTo("Promoções > Camisetas");
    }

    @Test
    void aMoveUnderItselfOrItsOwnSubcategoryWouldMakeACycle() {
        var tree = CategoryTree.of(MODA);

        assertThat(tree.wouldCreateCycle("moda", "moda")).isTrue();
        assertThat(tree.wouldCreateCycle("moda", "moda.camisetas.manga-longa")).isTrue();
        assertThat(tree.wouldCreateCycle("moda.camisetas", "moda.calcas")).isFalse();
        assertThat(tree.wouldCreateCycle("moda.camisetas", "promocoes")).isFalse();
        assertThat(tree.wouldCreateCycle("moda.camisetas", null)).isFalse();
    }

    @Test
    void aLoopInStoredParentsDoesNotHangTheWalks() {
        var tree = CategoryTree.of(List.of(category("a", "A", "b"), category("b", "B", "a")));

        assertThat(tree.selfAndDescendants("a")).containsExactlyInAnyOrder("a", "b");
        assertThat(tree.path("a")).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void anUnknownCategoryHasNoPath() {
        assertThat(CategoryTree.of(MODA).path("nada")).isEmpty();
        assertThat(CategoryTree.of(MODA).pathText("nada")).isNull();
    }

    private static Category category(String id, String name, String parentId) {
        return new Category(id, name, List.of(name), parentId, Instant.EPOCH);
    }
}
