package io.tijarat.plugin.banktransfer;

import io.tijarat.spi.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * What the customer reads, in English or Urdu (the request's locale; anything but Urdu gets English):
 * one line per detail, so each can be copied into a banking app. Amounts always show paisa, because the
 * customer types the exact amount and staff match it against the statement. Times are Pakistan time,
 * whatever the server's zone; month names are written out here rather than taken from the JDK's locale
 * data, so the text is the same on every runtime.
 */
enum BankTransferTexts {

    ENGLISH {
        @Override
        String payInto(Money amount, BankTransferSettings account, String reference, Instant deadline) {
            StringBuilder text = new StringBuilder()
                    .append("Please transfer Rs ").append(number(amount)).append(" to our bank account:")
                    .append("\nBank: ").append(account.bankName())
                    .append("\nAccount title: ").append(account.accountTitle())
                    .append("\nIBAN: ").append(account.iban().grouped());
            line(text, "Account number: ", account.accountNumber());
            line(text, "Branch: ", account.branch());
            return text.append("\nWrite ").append(reference).append(" as the reference (remarks) of your transfer, so"
                            + " that we can match your payment to your order.")
                    .append("\nPlease pay by ").append(time(deadline)).append(" PKT; unpaid orders are cancelled after"
                            + " that.")
                    .toString();
        }

        @Override
        String rupeesOnly() {
            return "Bank transfer is available only for payments in Pakistani rupees."
                    + " Please choose another way to pay.";
        }

        @Override
        String month(int month) {
            return ENGLISH_MONTHS[month - 1];
        }
    },

    URDU {
        @Override
        String payInto(Money amount, BankTransferSettings account, String reference, Instant deadline) {
            StringBuilder text = new StringBuilder()
                    .append("براہِ کرم ").append(number(amount)).append(" روپے ہمارے بینک اکاؤنٹ میں ٹرانسفر کریں:")
                    .append("\nبینک: ").append(account.bankName())
                    .append("\nاکاؤنٹ ٹائٹل: ").append(account.accountTitle())
                    .append("\nIBAN: ").append(account.iban().grouped());
            line(text, "اکاؤنٹ نمبر: ", account.accountNumber());
            line(text, "برانچ: ", account.branch());
            return text.append("\nٹرانسفر کرتے وقت ریفرنس (ریمارکس) میں ").append(reference)
                    .append(" لکھیں تاکہ ہم آپ کی ادائیگی آپ کے آرڈر سے ملا سکیں۔")
                    .append("\nبراہِ کرم ").append(time(deadline)).append(" (پاکستانی وقت) تک ادائیگی کر دیں؛ اس کے بعد"
                            + " غیر ادا شدہ آرڈر منسوخ کر دیے جاتے ہیں۔")
                    .toString();
        }

        @Override
        String rupeesOnly() {
            return "بینک ٹرانسفر صرف پاکستانی روپے میں ادائیگی کے لیے دستیاب ہے۔"
                    + " براہِ کرم ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
        }

        @Override
        String month(int month) {
            return URDU_MONTHS[month - 1];
        }

        @Override
        String dateTimeSeparator() {
            return "، ";
        }
    };

    /** Pakistan has one zone and no daylight saving: "PKT" is always UTC+5. */
    static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

    private static final String[] ENGLISH_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
        "Oct", "Nov", "Dec"};
    private static final String[] URDU_MONTHS = {"جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست",
        "ستمبر", "اکتوبر", "نومبر", "دسمبر"};

    static BankTransferTexts of(Locale locale) {
        return "ur".equals(locale.getLanguage()) ? URDU : ENGLISH;
    }

    /** The customer's instructions: amount, account, the reference to quote, and the deadline. */
    abstract String payInto(Money amount, BankTransferSettings account, String reference, Instant deadline);

    /** Why an order in another currency cannot be paid this way. */
    abstract String rupeesOnly();

    /** The month's short name, 1 = January. */
    abstract String month(int month);

    String dateTimeSeparator() {
        return ", ";
    }

    /**
     * {@code 28 Nov 2026, 14:05} in Pakistan time. Seconds are dropped, never rounded up, so the customer is
     * never told a time after the real deadline.
     */
    final String time(Instant instant) {
        ZonedDateTime local = instant.atZone(PAKISTAN);
        return local.getDayOfMonth() + " " + month(local.getMonthValue()) + " " + local.getYear()
                + dateTimeSeparator() + String.format(Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute());
    }

    /** {@code 1,250.00} for PKR 1,250: grouped by thousands, always with paisa. PKR amounts only. */
    static String number(Money amount) {
        return String.format(Locale.ROOT, "%,d.%02d", amount.minorUnits() / 100, amount.minorUnits() % 100);
    }

    private static void line(StringBuilder text, String label, Optional<String> value) {
        value.ifPresent(present -> text.append('\n').append(label).append(present));
    }
}
