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
        String decline(String code) {
            return switch (code) {
                case "110" -> "JazzCash could not process these payment details. Please check your mobile number and"
                        + " CNIC digits, or choose another way to pay.";
                case "118" -> "No JazzCash account was found for this mobile number. Please check the number or"
                        + " choose another way to pay.";
                case "119" -> "Your JazzCash account does not have enough balance for this payment.";
                case "120" -> "The MPIN entered was incorrect. Please try again.";
                case "122" -> "The payment was not approved in time. Please try again and enter your MPIN when"
                        + " prompted.";
                case "123" -> "The payment was cancelled.";
                case "157" -> "This payment is above your JazzCash account's limit. Please choose another way to pay.";
                default -> "JazzCash did not accept this payment. Please choose another way to pay.";
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
        String decline(String code) {
            return switch (code) {
                case "110" -> "جاز کیش ان تفصیلات پر ادائیگی نہیں کر سکا۔ براہِ کرم اپنا موبائل نمبر اور شناختی کارڈ"
                        + " کے ہندسے چیک کریں، یا ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
                case "118" -> "اس موبائل نمبر پر کوئی جاز کیش اکاؤنٹ نہیں ملا۔ براہِ کرم نمبر چیک کریں یا ادائیگی کا"
                        + " کوئی اور طریقہ منتخب کریں۔";
                case "119" -> "آپ کے جاز کیش اکاؤنٹ میں اس ادائیگی کے لیے کافی رقم موجود نہیں ہے۔";
                case "120" -> "درج کیا گیا ایم پن درست نہیں تھا۔ براہِ کرم دوبارہ کوشش کریں۔";
                case "122" -> "ادائیگی کی بروقت منظوری نہیں دی گئی۔ براہِ کرم دوبارہ کوشش کریں اور پوچھے جانے پر اپنا"
                        + " ایم پن درج کریں۔";
                case "123" -> "ادائیگی منسوخ کر دی گئی۔";
                case "157" -> "یہ ادائیگی آپ کے جاز کیش اکاؤنٹ کی حد سے زیادہ ہے۔ براہِ کرم ادائیگی کا کوئی اور طریقہ"
                        + " منتخب کریں۔";
                default -> "جاز کیش نے یہ ادائیگی قبول نہیں کی۔ براہِ کرم ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
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

    /** Why JazzCash declined, for a {@link ResponseCode.Meaning#DECLINED} code; a general text for others. */
    abstract String decline(String code);

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
