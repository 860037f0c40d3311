package io.tijarat.core.outbox;

import io.tijarat.core.order.OrderEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    @Test
    void retries_back_off_exponentially_with_jitter_and_are_capped_at_an_hour() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long base = Math.min(3_600_000L, 30_000L << (attempt - 1));
            var seen = new HashSet<Long>();
            for (int i = 0; i < 50; i++) {
                long millis = OutboxRelay.backoff(attempt).toMillis();
                assertTrue(millis >= base * 0.8 - 1 && millis <= base * 1.2 + 1, attempt + ": " + millis);
                seen.add(millis);
            }
            assertTrue(seen.size() > 1, "jitter spreads retries out");
        }
        assertTrue(OutboxRelay.backoff(30).compareTo(Duration.ofMinutes(73)) < 0);
    }

    @Test
    void messages_are_rendered_in_the_customers_language_with_english_as_the_fallback() {
        var values = Map.of("number", "TJ-7K3M-9QXD", "name", "Ayesha", "total", "Rs 2,500.00",
                "courier", "tcs", "tracking", "77001234", "link", "");

        String[] urdu = Templates.render(OrderEvent.ORDER_PLACED, "ur", values);
        String[] english = Templates.render(OrderEvent.ORDER_PAID, "en", values);
        String[] fallback = Templates.render(OrderEvent.ORDER_REFUNDED, "pa", values);

        assertEquals("آرڈر TJ-7K3M-9QXD موصول ہو گیا", urdu[0]);
        // the first message to a contact nobody verified carries no text the customer typed (issue: checkout spam)
        assertTrue(!urdu[1].contains("Ayesha") && urdu[1].contains("Rs 2,500.00"), urdu[1]);
        assertEquals("Payment received for order TJ-7K3M-9QXD", english[0]);
        assertTrue(fallback[1].startsWith("Dear Ayesha"), fallback[1]);
        for (OrderEvent event : OrderEvent.values()) {
            for (String locale : new String[] {"en", "ur"}) {
                String[] text = Templates.render(event, locale, values);
                assertTrue(!text[0].contains("{") && !text[1].contains("{"), event + "/" + locale + " leaves a placeholder");
            }
        }
    }

    @Test
    void an_urdu_email_reads_right_to_left_and_what_the_customer_typed_stays_text() {
        String html = OutboxRelay.rightToLeft("محترم <b>عائشہ</b> & co\nآرڈر TJ-1");

        assertTrue(html.contains("dir=\"rtl\"") && html.contains("lang=\"ur\"") && html.contains("text-align:right"), html);
        assertTrue(html.contains("&lt;b&gt;عائشہ&lt;/b&gt; &amp; co<br>آرڈر"), html);
    }
}
