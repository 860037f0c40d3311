package io.tijarat.core.catalog;

import java.util.List;

/** A page of products and how many there are in all. */
public record ProductPage(List<ProductSummary> items, int page, int size, long total) {
}
