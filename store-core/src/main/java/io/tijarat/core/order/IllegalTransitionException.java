package io.tijarat.core.order;

/** An order was asked to move to a state its state machine does not allow from where it is. */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalTransitionException(OrderStatus from, OrderStatus to) {
        super("an order that is " + from + " cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public OrderStatus from() { return from; }

    public OrderStatus to() { return to; }
}
