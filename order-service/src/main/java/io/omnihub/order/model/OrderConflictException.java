package io.omnihub.order.model;

import java.util.List;

/** The request contradicts the order's state (answered already, wrong status, more than delivered): 409. */
public class OrderConflictException extends RuntimeException {

    private final List<String> allowed;

    public OrderConflictException(String detail) {
        this(detail, List.of());
    }

    public OrderConflictException(String detail, List<String> allowed) {
        super(detail);
        this.allowed = List.copyOf(allowed);
    }

    /** What would have been accepted instead (e.g. the statuses allowed next); may be empty. */
    public List<String> allowed() {
        return allowed;
    }
}
