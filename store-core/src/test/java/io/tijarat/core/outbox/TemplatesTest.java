package io.tijarat.core.outbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a customer reads when the parcel leaves: the courier, the tracking number and, where set, a link. */
class TemplatesTest {

    private static final Map<String, String> VALUES = Map.of("number", "TJ-7K3M-9QXD", "name", "Ayesha",
            "total", "Rs 1,250.00", "courier", "tcs", "tracking", "77001234", "link", " https://t.example/77001234");

    @Test
    void givenAShippedOrder_whenRendered_thenTheCustomerGetsTheTrackingNumberAndLink() {
        String english = Templates.render(OrderEvent.ORDER_SHIPPED, "en", VALUES)[1];
        String urdu = Templates.render(OrderEvent.ORDER_SHIPPED, "ur", VALUES)[1];

        assertTrue(english.contains("77001234") && english.endsWith("https://t.example/77001234"), english);
        assertTrue(urdu.contains("77001234") && urdu.contains("https://t.example/77001234"), urdu);
    }
}
