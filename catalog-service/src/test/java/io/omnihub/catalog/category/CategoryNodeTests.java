package io.omnihub.catalog.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryNodeTests {

    @Test
    void buildsTheTreeSortedByNameTheWayABrazilianReadsIt() {
        var tree = CategoryNode.tree(List.of(category("roupas.calcas", "Calças", "roupas"),
                category("roupas", "Roupas", null), category("acessorios", "Acessórios", null),
                category("roupas.camisetas", "Camisetas", "roupas"), category("calcados", "Calçados", null)));

        assertThat(tree).extracting(CategoryNode::name).containsExactly("Acessórios", "Calçados", "Roupas");
        assertThat(tree.get(2).children()).extracting(CategoryNode::name).containsExactly("Calças", "Camisetas");
        assertThat(tree.get(0).children()).isEmpty();
    }

    @Test
    void aNodeWhoseParentIsMissingIsShownAsARoot() {
        var tree = CategoryNode.tree(List.of(category("x.y", "Y", "x")));

        assertThat(tree).extracting(CategoryNode::id).containsExactly("x.y");
    }

    @Test
    void idsAreReadableAndUrlSafe() {
        assertThat(CategoryIds.of(List.of("Roupas", "Camisetas Básicas"))).isEqualTo("roupas.camisetas-basicas");
        assertThat(CategoryIds.of(List.of("Acessórios", "Óculos & Relógios"))).isEqualTo("acessorios.oculos-relogios");
        assertThat(CategoryIds.of(List.of("%%%"))).matches("[0-9a-f-]+");
    }

    private static Category category(String id, String name, String parentId) {
        return new Category(id, name, List.of(name), parentId, Instant.EPOCH);
    }
}
