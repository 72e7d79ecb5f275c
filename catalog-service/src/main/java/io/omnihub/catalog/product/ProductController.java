package io.omnihub.catalog.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/products} (filtered, paged, sorted by reference); {@code GET /api/v1/products/{reference}}. */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @GetMapping
    ProductPage search(@RequestParam(required = false) @Size(max = 200) String category,
            @RequestParam(defaultValue = "true") boolean includeSubcategories,
            @RequestParam(required = false) @Size(max = 200) String brand,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) @Size(max = 100) String text,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return products.search(new ProductFilter(category, includeSubcategories, brand, active, text), page, size);
    }

    @GetMapping("/{reference}")
    ProductResponse get(@PathVariable String reference) {
        return products.find(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No product with reference '" + reference + "'"));
    }
}
