package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Money;
import io.tijarat.spi.text.CustomerTexts;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What the customer reads, in English or Urdu (the request's locale; anything but Urdu gets English), from
 * {@code jazzcash-texts_en/ur.properties}. No codes, no internals: the code goes to staff through
 * {@code Declined.code()}. Which text a decline code gets is decided here ({@link Reason}); the wording is in the
 * bundles. Immutable.
 */
final class JazzCashTexts {

    private static final CustomerTexts TEXTS = CustomerTexts.load(JazzCashTexts.class, "jazzcash-texts");

    private final Locale locale;

    private JazzCashTexts(Locale locale) {
        this.locale = locale;
    }

    static JazzCashTexts of(Locale locale) {
        return new JazzCashTexts(locale);
    }

    /**
     * What went wrong, in the customer's terms, for the codes {@link ResponseCode} reads as a decline; grouped
     * from JazzCash's published texts for them.
     */
    enum Reason {
        LIMIT, NO_ACCOUNT, ACCOUNT_UNAVAILABLE, LOW_BALANCE, WRONG_PIN, PIN_LOCKED, INVALID_DETAILS, CANCELLED,
        TIMED_OUT, NOT_COMPLETED, CARD_DECLINED, GENERAL;

        /** The reason behind a decline code; {@link #GENERAL} for any other. */
        static Reason of(String code) {
            return switch (code.strip()) {
                case "001", "105", "106", "107" -> LIMIT;
                case "002", "063" -> NO_ACCOUNT;
                case "003", "066", "067", "102", "103", "108" -> ACCOUNT_UNAVAILABLE;
                case "004", "405", "453" -> LOW_BALANCE;
                case "024" -> WRONG_PIN;
                case "060" -> PIN_LOCKED;
                case "110" -> INVALID_DETAILS;
                case "112", "410", "412" -> CANCELLED;
                case "116", "134" -> TIMED_OUT;
                case "129" -> NOT_COMPLETED;
                case "014", "015", "016", "104", "135", "402", "404", "408", "409", "411", "414", "415", "416", "419",
                     "421", "423", "424", "425", "426", "429", "430", "431", "432", "433", "434", "438", "439", "440",
                     "441", "442", "443", "444", "446", "448" -> CARD_DECLINED;
                default -> GENERAL;
            };
        }

        /** Its text's key: {@code decline.no-account} for {@link #NO_ACCOUNT}. */
        String key() {
            return "decline." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Why JazzCash declined, for a code read as a decline; a general text for others. */
    String decline(String code) {
        return decline(Reason.of(code));
    }

    String decline(Reason reason) {
        return TEXTS.text(locale, reason.key());
    }

    String approveOnPhone() {
        return TEXTS.text(locale, "approve-on-phone");
    }

    String payVoucher(String voucher, Money amount, Instant expiresAt) {
        return TEXTS.text(locale, "pay-voucher", Map.of("number", CustomerTexts.amount(amount), "voucher", voucher,
                "deadline", PakistanTime.forPeople(expiresAt)));
    }

    String rupeesOnly() {
        return TEXTS.text(locale, "rupees-only");
    }

    String pakistaniNumberOnly() {
        return TEXTS.text(locale, "pakistani-number-only");
    }

    String cnicDigitsNeeded() {
        return TEXTS.text(locale, "cnic-digits-needed");
    }

}
