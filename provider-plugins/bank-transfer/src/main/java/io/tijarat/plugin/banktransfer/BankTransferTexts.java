package io.tijarat.plugin.banktransfer;

import io.tijarat.spi.Money;
import io.tijarat.spi.text.CustomerTexts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the customer reads, in English or Urdu (the request's locale; anything but Urdu gets English), from
 * {@code bank-transfer-texts_en/ur.properties}: one line per detail, so each can be copied into a banking app.
 * Amounts always show paisa, because the customer types the exact amount and staff match it against the
 * statement. Times are Pakistan time, whatever the server's zone. Immutable.
 */
final class BankTransferTexts {

    /** Pakistan has one zone and no daylight saving: "PKT" is always UTC+5. */
    static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

    private static final CustomerTexts TEXTS = CustomerTexts.load(BankTransferTexts.class, "bank-transfer-texts");

    private final Locale locale;

    private BankTransferTexts(Locale locale) {
        this.locale = locale;
    }

    static BankTransferTexts of(Locale locale) {
        return new BankTransferTexts(locale);
    }

    /** The customer's instructions: amount, account, the reference to quote, and the deadline. */
    String payInto(Money amount, BankTransferSettings account, String reference, Instant deadline) {
        List<String> lines = new ArrayList<>();
        lines.add(TEXTS.text(locale, "transfer", Map.of("number", number(amount))));
        lines.add(line("bank", account.bankName()));
        lines.add(line("account-title", account.accountTitle()));
        lines.add(line("iban", account.iban().grouped()));
        account.accountNumber().ifPresent(number -> lines.add(line("account-number", number)));
        account.branch().ifPresent(branch -> lines.add(line("branch", branch)));
        lines.add(TEXTS.text(locale, "reference", Map.of("reference", reference)));
        lines.add(TEXTS.text(locale, "deadline", Map.of("time", time(deadline))));
        return String.join("\n", lines);
    }

    /** Why an order in another currency cannot be paid this way. */
    String rupeesOnly() {
        return TEXTS.text(locale, "rupees-only");
    }

    /**
     * {@code 28 Nov 2026, 14:05} in Pakistan time. Seconds are dropped, never rounded up, so the customer is
     * never told a time after the real deadline.
     */
    String time(Instant instant) {
        ZonedDateTime local = instant.atZone(PAKISTAN);
        return TEXTS.text(locale, "time", Map.of(
                "day", Integer.toString(local.getDayOfMonth()),
                "month", TEXTS.text(locale, "month." + local.getMonthValue()),
                "year", Integer.toString(local.getYear()),
                "hourMinute", String.format(Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute())));
    }

    /** {@code 1,250.00} for PKR 1,250: grouped by thousands, always with paisa. PKR amounts only. */
    static String number(Money amount) {
        return String.format(Locale.ROOT, "%,d.%02d", amount.minorUnits() / 100, amount.minorUnits() % 100);
    }

    private String line(String key, String value) {
        return TEXTS.text(locale, key, Map.of("value", value));
    }
}
