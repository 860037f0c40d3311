package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.Money;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the customer reads, in English or Urdu (the request's locale: anything but Urdu gets English). No
 * codes and no internals: those are for staff, in the outcome's code.
 */
enum CustomerTexts {

    ENGLISH {
        @Override
        String approveOnPhone(Money amount) {
            return "Approve the payment of " + rupees(amount) + " in the EasyPaisa prompt on your phone, or in the"
                    + " EasyPaisa app, if you have not done so yet. We will confirm your order as soon as EasyPaisa"
                    + " confirms the payment.";
        }

        @Override
        String payVoucher(Money amount, String token, Instant expiresAt) {
            return "Pay " + rupees(amount) + " at any EasyPaisa shop or agent before " + ENGLISH_TIME.format(
                    expiresAt.atZone(Formats.KARACHI)) + " (Pakistan time), quoting payment token " + token + ".";
        }

        @Override
        String failed() {
            return "Your EasyPaisa payment did not go through. Please try again or choose another way to pay.";
        }

        @Override
        String blocked() {
            return "Your EasyPaisa account cannot make this payment. Please contact EasyPaisa or choose another way"
                    + " to pay.";
        }

        @Override
        String expired() {
            return "The EasyPaisa payment request expired before it was approved. Please try again.";
        }

        @Override
        String reversed() {
            return "EasyPaisa reversed this payment. Please try again or choose another way to pay.";
        }

        @Override
        String lowBalance() {
            return "Your EasyPaisa account does not have enough balance for this payment. Please top up and try"
                    + " again, or choose another way to pay.";
        }

        @Override
        String noAccount() {
            return "There is no EasyPaisa account for this mobile number. Please check the number or choose another"
                    + " way to pay.";
        }

        @Override
        String detailsRefused() {
            return "EasyPaisa did not accept the payment details. Please check your mobile number and e-mail"
                    + " address, or choose another way to pay.";
        }

        @Override
        String notPakistaniNumber() {
            return "EasyPaisa needs a Pakistani mobile number (03XX-XXXXXXX). Please correct your number or choose"
                    + " another way to pay.";
        }

        @Override
        String rupeesOnly() {
            return "EasyPaisa accepts payments in Pakistani rupees only. Please choose another way to pay.";
        }

        private String rupees(Money amount) {
            return "Rs " + number(amount);
        }
    },

    URDU {
        @Override
        String approveOnPhone(Money amount) {
            return "اگر آپ نے ابھی تک منظوری نہیں دی تو اپنے فون پر ایزی پیسہ کے پیغام یا ایزی پیسہ ایپ میں "
                    + rupees(amount) + " کی ادائیگی منظور کریں۔ ایزی پیسہ کی تصدیق ملتے ہی ہم آپ کا آرڈر کنفرم کر"
                    + " دیں گے۔";
        }

        @Override
        String payVoucher(Money amount, String token, Instant expiresAt) {
            return "کسی بھی ایزی پیسہ شاپ یا ایجنٹ پر " + URDU_TIME.format(expiresAt.atZone(Formats.KARACHI))
                    + " (پاکستانی وقت) سے پہلے " + rupees(amount) + " ادا کریں اور پیمنٹ ٹوکن " + token
                    + " بتائیں۔";
        }

        @Override
        String failed() {
            return "آپ کی ایزی پیسہ ادائیگی مکمل نہیں ہو سکی۔ براہِ کرم دوبارہ کوشش کریں یا ادائیگی کا کوئی اور"
                    + " طریقہ منتخب کریں۔";
        }

        @Override
        String blocked() {
            return "آپ کا ایزی پیسہ اکاؤنٹ یہ ادائیگی نہیں کر سکتا۔ براہِ کرم ایزی پیسہ سے رابطہ کریں یا ادائیگی کا"
                    + " کوئی اور طریقہ منتخب کریں۔";
        }

        @Override
        String expired() {
            return "ایزی پیسہ ادائیگی کی درخواست منظوری سے پہلے ختم ہو گئی۔ براہِ کرم دوبارہ کوشش کریں۔";
        }

        @Override
        String reversed() {
            return "ایزی پیسہ نے یہ ادائیگی واپس کر دی ہے۔ براہِ کرم دوبارہ کوشش کریں یا ادائیگی کا کوئی اور طریقہ"
                    + " منتخب کریں۔";
        }

        @Override
        String lowBalance() {
            return "آپ کے ایزی پیسہ اکاؤنٹ میں اس ادائیگی کے لیے کافی بیلنس نہیں ہے۔ بیلنس شامل کر کے دوبارہ کوشش"
                    + " کریں یا ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
        }

        @Override
        String noAccount() {
            return "اس موبائل نمبر پر کوئی ایزی پیسہ اکاؤنٹ نہیں ملا۔ براہِ کرم نمبر چیک کریں یا ادائیگی کا کوئی اور"
                    + " طریقہ منتخب کریں۔";
        }

        @Override
        String detailsRefused() {
            return "ایزی پیسہ نے ادائیگی کی تفصیلات قبول نہیں کیں۔ براہِ کرم اپنا موبائل نمبر اور ای میل چیک کریں یا"
                    + " ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
        }

        @Override
        String notPakistaniNumber() {
            return "ایزی پیسہ کے لیے پاکستانی موبائل نمبر (03XX-XXXXXXX) درکار ہے۔ براہِ کرم اپنا نمبر درست کریں"
                    + " یا ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
        }

        @Override
        String rupeesOnly() {
            return "ایزی پیسہ صرف پاکستانی روپے میں ادائیگی قبول کرتا ہے۔ براہِ کرم ادائیگی کا کوئی اور طریقہ منتخب"
                    + " کریں۔";
        }

        private String rupees(Money amount) {
            return number(amount) + " روپے";
        }
    };

    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a",
            Locale.ENGLISH);
    /** Digits stay Western (as Pakistani shops print prices); the month is written in Urdu. */
    private static final DateTimeFormatter URDU_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy، HH:mm",
            Locale.forLanguageTag("ur-PK"));

    static CustomerTexts of(Locale locale) {
        return "ur".equals(locale.getLanguage()) ? URDU : ENGLISH;
    }

    abstract String approveOnPhone(Money amount);

    abstract String payVoucher(Money amount, String token, Instant expiresAt);

    abstract String failed();

    abstract String blocked();

    abstract String expired();

    abstract String reversed();

    abstract String lowBalance();

    abstract String noAccount();

    abstract String detailsRefused();

    abstract String notPakistaniNumber();

    abstract String rupeesOnly();

    /** The reason for a status that ends an attempt unpaid. */
    String declined(TransactionStatus status) {
        return switch (status) {
            case BLOCKED -> blocked();
            case EXPIRED -> expired();
            case REVERSED -> reversed();
            default -> failed();
        };
    }

    /** {@code 1,500} for PKR 1,500.00; {@code 1,500.50} when there are paisa. */
    static String number(Money amount) {
        long rupees = amount.minorUnits() / 100;
        long paisa = amount.minorUnits() % 100;
        String whole = String.format(Locale.ROOT, "%,d", rupees);
        return paisa == 0 ? whole : whole + String.format(Locale.ROOT, ".%02d", paisa);
    }
}
