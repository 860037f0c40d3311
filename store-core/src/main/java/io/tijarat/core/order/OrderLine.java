package io.tijarat.core.order;

import io.tijarat.spi.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A line of an order, priced at checkout. */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "variant_id", nullable = false, length = 36)
    private String variantId;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 400)
    private String title;

    @Column(name = "unit_price_minor", nullable = false)
    private long unitPriceMinor;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "weight_grams", nullable = false)
    private int weightGrams;

    protected OrderLine() {
        // for JPA
    }

    OrderLine(Order order, int lineNo, OrderDraft.Line line) {
        this.id = UUID.randomUUID().toString();
        this.order = order;
        this.lineNo = lineNo;
        this.variantId = line.variantId();
        this.sku = line.sku();
        this.title = line.title();
        this.unitPriceMinor = line.unitPrice().minorUnits();
        this.quantity = line.quantity();
        this.weightGrams = line.weightGrams();
    }

    public int lineNo() { return lineNo; }
    public String variantId() { return variantId; }
    public String sku() { return sku; }
    public String title() { return title; }
    public long unitPriceMinor() { return unitPriceMinor; }
    public int quantity() { return quantity; }
    public int weightGrams() { return weightGrams; }
    public long lineTotalMinor() { return Math.multiplyExact(unitPriceMinor, quantity); }
    public Money unitPrice(String currency) { return Money.of(unitPriceMinor, currency); }
}
