package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.Money;
import io.tijarat.spi.text.CustomerTexts;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What the customer reads, in English or Urdu (the request's locale: anything but Urdu gets English), from
 * {@code easypaisa-texts_en/ur.properties}. No codes and no internals: those are for staff, in the outcome's
 * code. Which text a status gets, and how amounts and deadlines are written, is decided here. Immutable.
 */
final class EasyPaisaTexts {

    private static final CustomerTexts TEXTS = CustomerTexts.load(EasyPaisaTexts.class, "easypaisa-texts");

    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a",
            Locale.ENGLISH);
    /** Digits stay Western (as Pakistani shops print prices); the month is written in Urdu. */
    private static final DateTimeFormatter URDU_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy، HH:mm",
            Locale.forLanguageTag("ur-PK"));

    private final Locale locale;

    private EasyPaisaTexts(Locale locale) {
        this.locale = locale;
    }

    static EasyPaisaTexts of(Locale locale) {
        return new EasyPaisaTexts(locale);
    }

    String approveOnPhone(Money amount) {
        return TEXTS.text(locale, "approve-on-phone", Map.of("amount", rupees(amount)));
    }

    String payVoucher(Money amount, String token, Instant expiresAt) {
        DateTimeFormatter time = CustomerTexts.isUrdu(locale) ? URDU_TIME : ENGLISH_TIME;
        return TEXTS.text(locale, "pay-voucher", Map.of("amount", rupees(amount), "token", token,
                "deadline", time.format(expiresAt.atZone(Formats.KARACHI))));
    }

    String failed() {
        return TEXTS.text(locale, "failed");
    }

    String blocked() {
        return TEXTS.text(locale, "blocked");
    }

    String expired() {
        return TEXTS.text(locale, "expired");
    }

    String reversed() {
        return TEXTS.text(locale, "reversed");
    }

    String lowBalance() {
        return TEXTS.text(locale, "low-balance");
    }

    String noAccount() {
        return TEXTS.text(locale, "no-account");
    }

    String detailsRefused() {
        return TEXTS.text(locale, "details-refused");
    }

    String notPakistaniNumber() {
        return TEXTS.text(locale, "not-pakistani-number");
    }

    String rupeesOnly() {
        return TEXTS.text(locale, "rupees-only");
    }

    /** The reason for a status that ends an attempt unpaid. */
    String declined(TransactionStatus status) {
        return switch (status) {
            case BLOCKED -> blocked();
            case EXPIRED -> expired();
            case REVERSED -> reversed();
            default -> failed();
        };
    }

    private String rupees(Money amount) {
        return TEXTS.text(locale, "rupees", Map.of("number", CustomerTexts.amount(amount)));
    }

}
