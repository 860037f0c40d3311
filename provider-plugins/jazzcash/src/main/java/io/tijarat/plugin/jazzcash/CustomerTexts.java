package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Money;
import java.time.Instant;
import java.util.Locale;

/**
 * What the customer reads, in English or Urdu (the request's locale; anything but Urdu gets English).
 * No codes, no internals: the code goes to staff through {@code Declined.code()}.
 */
enum CustomerTexts {

    ENGLISH {
        @Override
        String decline(Reason reason) {
            return switch (reason) {
                case LIMIT -> "This payment is above your JazzCash account's limit. Please choose another way to pay.";
                case NO_ACCOUNT -> "No JazzCash account was found for this mobile number. Please check the number or"
                        + " choose another way to pay.";
                case ACCOUNT_UNAVAILABLE -> "Your JazzCash account cannot make this payment at the moment. Please"
                        + " contact JazzCash or choose another way to pay.";
                case LOW_BALANCE -> "Your JazzCash account does not have enough balance for this payment.";
                case WRONG_PIN -> "The MPIN entered was incorrect. Please try again.";
                case PIN_LOCKED -> "The MPIN was entered wrongly too many times. Please contact JazzCash or choose"
                        + " another way to pay.";
                case INVALID_DETAILS -> "JazzCash could not process these payment details. Please check your mobile"
                        + " number and CNIC digits, or choose another way to pay.";
                case CANCELLED -> "The payment was cancelled.";
                case TIMED_OUT -> "The payment was not approved in time. Please try again and enter your MPIN when"
                        + " prompted.";
                case NOT_COMPLETED -> "The payment was not completed. Please try again or choose another way to pay.";
                case CARD_DECLINED -> "Your bank did not accept this card payment. Please use another card or choose"
                        + " another way to pay.";
                case GENERAL -> "JazzCash did not accept this payment. Please choose another way to pay.";
            };
        }

        @Override
        String approveOnPhone() {
            return "Approve the payment on your phone: enter your JazzCash MPIN when prompted.";
        }

        @Override
        String payVoucher(String voucher, Money amount, Instant expiresAt) {
            return "Pay Rs " + number(amount) + " at any JazzCash shop or agent, quoting voucher number " + voucher
                    + ", before " + PakistanTime.forPeople(expiresAt) + " (Pakistan time).";
        }

        @Override
        String rupeesOnly() {
            return "JazzCash accepts payments in Pakistani rupees only. Please choose another way to pay.";
        }

        @Override
        String pakistaniNumberOnly() {
            return "Please enter a Pakistani JazzCash mobile number (03XX XXXXXXX).";
        }

        @Override
        String cnicDigitsNeeded() {
            return "Please enter the last 6 digits of your CNIC to pay from your JazzCash wallet.";
        }
    },

    URDU {
        @Override
        String decline(Reason reason) {
            return switch (reason) {
                case LIMIT -> "یہ ادائیگی آپ کے جاز کیش اکاؤنٹ کی حد سے زیادہ ہے۔ براہِ کرم ادائیگی کا کوئی اور طریقہ"
                        + " منتخب کریں۔";
                case NO_ACCOUNT -> "اس موبائل نمبر پر کوئی جاز کیش اکاؤنٹ نہیں ملا۔ براہِ کرم نمبر چیک کریں یا ادائیگی کا"
                        + " کوئی اور طریقہ منتخب کریں۔";
                case ACCOUNT_UNAVAILABLE -> "آپ کا جاز کیش اکاؤنٹ اس وقت یہ ادائیگی نہیں کر سکتا۔ براہِ کرم جاز کیش سے"
                        + " رابطہ کریں یا ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
                case LOW_BALANCE -> "آپ کے جاز کیش اکاؤنٹ میں اس ادائیگی کے لیے کافی رقم موجود نہیں ہے۔";
                case WRONG_PIN -> "درج کیا گیا ایم پن درست نہیں تھا۔ براہِ کرم دوبارہ کوشش کریں۔";
                case PIN_LOCKED -> "ایم پن بہت زیادہ بار غلط درج کیا گیا۔ براہِ کرم جاز کیش سے رابطہ کریں یا ادائیگی کا"
                        + " کوئی اور طریقہ منتخب کریں۔";
                case INVALID_DETAILS -> "جاز کیش ان تفصیلات پر ادائیگی نہیں کر سکا۔ براہِ کرم اپنا موبائل نمبر اور"
                        + " شناختی کارڈ کے ہندسے چیک کریں، یا ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
                case CANCELLED -> "ادائیگی منسوخ کر دی گئی۔";
                case TIMED_OUT -> "ادائیگی کی بروقت منظوری نہیں دی گئی۔ براہِ کرم دوبارہ کوشش کریں اور پوچھے جانے پر"
                        + " اپنا ایم پن درج کریں۔";
                case NOT_COMPLETED -> "ادائیگی مکمل نہیں ہوئی۔ براہِ کرم دوبارہ کوشش کریں یا ادائیگی کا کوئی اور طریقہ"
                        + " منتخب کریں۔";
                case CARD_DECLINED -> "آپ کے بینک نے یہ کارڈ ادائیگی قبول نہیں کی۔ براہِ کرم کوئی اور کارڈ استعمال کریں"
                        + " یا ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
                case GENERAL -> "جاز کیش نے یہ ادائیگی قبول نہیں کی۔ براہِ کرم ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
            };
        }

        @Override
        String approveOnPhone() {
            return "اپنے فون پر ادائیگی کی منظوری دیں: پوچھے جانے پر اپنا جاز کیش ایم پن درج کریں۔";
        }

        @Override
        String payVoucher(String voucher, Money amount, Instant expiresAt) {
            return "کسی بھی جاز کیش دکان یا ایجنٹ پر واؤچر نمبر " + voucher + " بتا کر " + number(amount) + " روپے "
                    + PakistanTime.forPeople(expiresAt) + " (پاکستانی وقت) سے پہلے ادا کریں۔";
        }

        @Override
        String rupeesOnly() {
            return "جاز کیش صرف پاکستانی روپے میں ادائیگی قبول کرتا ہے۔"
                    + " براہِ کرم ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
        }

        @Override
        String pakistaniNumberOnly() {
            return "براہِ کرم جاز کیش کا پاکستانی موبائل نمبر درج کریں (03XX XXXXXXX)۔";
        }

        @Override
        String cnicDigitsNeeded() {
            return "جاز کیش والٹ سے ادائیگی کے لیے براہِ کرم اپنے شناختی کارڈ نمبر کے آخری 6 ہندسے درج کریں۔";
        }
    };

    static CustomerTexts of(Locale locale) {
        return "ur".equals(locale.getLanguage()) ? URDU : ENGLISH;
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
    }

    /** Why JazzCash declined, for a code read as a decline; a general text for others. */
    String decline(String code) {
        return decline(Reason.of(code));
    }

    abstract String decline(Reason reason);

    abstract String approveOnPhone();

    abstract String payVoucher(String voucher, Money amount, Instant expiresAt);

    abstract String rupeesOnly();

    abstract String pakistaniNumberOnly();

    abstract String cnicDigitsNeeded();

    /** {@code 1,500} for PKR 1,500.00; {@code 1,500.50} when there are paisa. */
    static String number(Money amount) {
        long rupees = amount.minorUnits() / 100;
        long paisa = amount.minorUnits() % 100;
        String whole = String.format(Locale.ROOT, "%,d", rupees);
        return paisa == 0 ? whole : whole + String.format(Locale.ROOT, ".%02d", paisa);
    }
}
