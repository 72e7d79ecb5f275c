package io.omnihub.catalog.category;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/categories}: the category tree; {@code PUT /api/v1/categories/{id}/parent}: moves a
 * category (404 unknown category, 400 unknown parent, 409 a move under itself or its own sub-category).
 */
@RestController
@RequestMapping("/api/v1/categories")
class CategoryController {

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @GetMapping
    List<CategoryNode> tree() {
        return categories.tree();
    }

    @PutMapping("/{id}/parent")
    CategoryResponse move(@PathVariable String id, @Valid @RequestBody MoveCategoryRequest request) {
        return categories.move(id, request.parentId());
    }

    @ExceptionHandler
    ProblemDetail notFound(CategoryNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Category not found", e);
    }

    @ExceptionHandler
    ProblemDetail unknownParent(UnknownParentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unknown parent category", e);
    }

    @ExceptionHandler
    ProblemDetail cycle(CategoryCycleException e) {
        return problem(HttpStatus.CONFLICT, "Category move would make a cycle", e);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
