package io.tijarat.plugin.cod;

import io.tijarat.spi.Money;
import io.tijarat.spi.text.CustomerTexts;
import java.util.Locale;
import java.util.Map;

/**
 * What the customer reads, in English or Urdu (the request's locale; anything but Urdu gets English), from
 * {@code cod-texts_en/ur.properties}. Amounts are whole rupees where they can be, grouped by thousands as
 * Pakistani shops print them. Immutable.
 */
final class CodTexts {

    private static final CustomerTexts TEXTS = CustomerTexts.load(CodTexts.class, "cod-texts");

    private final Locale locale;

    private CodTexts(Locale locale) {
        this.locale = locale;
    }

    static CodTexts of(Locale locale) {
        return new CodTexts(locale);
    }

    String payTheCourier(Money amount, boolean callFirst) {
        String pay = TEXTS.text(locale, "pay-the-courier", Map.of("amount", rupees(amount)));
        return callFirst ? pay + " " + TEXTS.text(locale, "call-first") : pay;
    }

    String aboveLimit(Money limit) {
        return TEXTS.text(locale, "above-limit", Map.of("limit", rupees(limit)));
    }

    String rupeesOnly() {
        return TEXTS.text(locale, "rupees-only");
    }

    String notInYourCity() {
        return TEXTS.text(locale, "not-in-your-city");
    }

    private String rupees(Money amount) {
        return TEXTS.text(locale, "rupees", Map.of("number", CustomerTexts.amount(amount)));
    }

}
