package io.omnihub.coupon.coupons;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The coupons' refusals as problem+json: 400 with every invalid field, 404, 409 with the balance left, 422. */
@RestControllerAdvice(assignableTypes = CouponController.class)
class CouponProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidCouponRequest invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", invalid.errors().stream()
                .map(error -> Map.of("field", error.field(), "reason", error.reason())).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(CouponNotFound notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
        problem.setTitle("Coupon not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(CouponConflict conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        problem.setTitle("Coupon does not allow this");
        problem.setProperty("code", conflict.code());
        problem.setProperty("couponStatus", conflict.status());
        problem.setProperty("balance", conflict.balance());
        problem.setProperty("currency", conflict.currency());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReused reused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                reused.getMessage());
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }
}
