package io.tijarat.core.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One status change of an order: when, from, to, why and who. Never updated or deleted. */
@Entity
@Table(name = "order_history")
public class OrderHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 32)
    private OrderStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 32)
    private OrderStatus to;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(nullable = false, length = 100)
    private String actor;

    protected OrderHistoryEntry() {
        // for JPA
    }

    OrderHistoryEntry(Order order, Instant at, OrderStatus from, OrderStatus to, String reason, String actor) {
        this.order = order;
        this.at = at;
        this.from = from;
        this.to = to;
        this.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.actor = actor;
    }

    public Instant at() { return at; }
    public OrderStatus from() { return from; }
    public OrderStatus to() { return to; }
    public String reason() { return reason; }
    public String actor() { return actor; }
}
