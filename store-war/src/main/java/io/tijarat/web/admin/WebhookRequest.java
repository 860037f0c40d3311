package io.tijarat.web.admin;

import java.util.List;

/**
 * A webhook to register: an https URL and the events it wants ({@code order.placed}, {@code order.paid},
 * {@code order.payment_failed}, {@code order.cancelled}, {@code order.refunded}, or {@code "*"} for all).
 */
public record WebhookRequest(String url, List<String> events) {
}
