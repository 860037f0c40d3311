package io.tijarat.core.outbox;

import io.tijarat.core.order.OrderEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void givenASpammersName_whenTheFirstMessageIsRendered_thenItCarriesNoneOfIt() {
        var spam = Map.of("number", "TJ-7K3M-9QXD", "name", "WIN Rs 50000 NOW visit evil.example/prize or call 03001234567",
                "total", "Rs 1,250.00");

        for (String locale : new String[] {"en", "ur"}) {
            String[] placed = Templates.render(OrderEvent.ORDER_PLACED, locale, spam);
            assertFalse((placed[0] + placed[1]).contains("WIN") || (placed[0] + placed[1]).contains("evil"), placed[1]);
            assertTrue(placed[1].contains("TJ-7K3M-9QXD"), placed[1]);
        }
    }

    @Test
    void givenANameWithLinks_whenALaterMessageIsRendered_thenTheLinksNumbersAndAddressesAreGone() {
        var values = Map.of("number", "TJ-1", "total", "Rs 1.00",
                "name", "Ayesha https://evil.example www.x.pk bit.ly/abc mail@evil.pk 03001234567 Khan");

        String body = Templates.render(OrderEvent.ORDER_CANCELLED, "en", values)[1];

        assertTrue(body.startsWith("Dear Ayesha Khan,"), body);
        assertTrue(Templates.render(OrderEvent.ORDER_CANCELLED, "en", Map.of("number", "TJ-1", "total", "Rs 1.00",
                "name", "www.evil.example"))[1].startsWith("Dear customer,"));
        assertEquals("Muhammad Ali", FreeText.name("Muhammad Ali"));
        assertEquals("عائشہ خان", FreeText.name("عائشہ خان"));
        assertEquals(FreeText.MAX_NAME, FreeText.name("x".repeat(100)).length());
    }
}
