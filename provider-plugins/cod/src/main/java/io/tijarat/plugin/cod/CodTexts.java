package io.tijarat.plugin.cod;

import io.tijarat.spi.Money;
import java.util.Locale;

/**
 * What the customer reads, in English or Urdu (the request's locale; anything but Urdu gets English).
 * Amounts are whole rupees where they can be, grouped by thousands as Pakistani shops print them.
 */
enum CodTexts {

    ENGLISH {
        @Override
        String payTheCourier(Money amount, boolean callFirst) {
            return "Pay " + rupees(amount) + " in cash to the courier when your order is delivered. Please keep the"
                    + " exact amount ready." + (callFirst ? " We will call you to confirm your order before we send it."
                    : "");
        }

        @Override
        String aboveLimit(Money limit) {
            return "Cash on delivery is available for orders up to " + rupees(limit)
                    + ". Please choose another way to pay.";
        }

        @Override
        String rupeesOnly() {
            return "Cash on delivery is available only for payments in Pakistani rupees."
                    + " Please choose another way to pay.";
        }

        @Override
        String notInYourCity() {
            return "Cash on delivery is not available in your city. Please choose another way to pay.";
        }

        private String rupees(Money amount) {
            return "Rs " + number(amount);
        }
    },

    URDU {
        @Override
        String payTheCourier(Money amount, boolean callFirst) {
            return "آرڈر کی ڈیلیوری پر کوریئر کو " + rupees(amount) + " نقد ادا کریں۔ براہِ کرم پوری رقم تیار رکھیں۔"
                    + (callFirst ? " آرڈر بھیجنے سے پہلے ہم تصدیق کے لیے آپ کو فون کریں گے۔" : "");
        }

        @Override
        String aboveLimit(Money limit) {
            return "کیش آن ڈیلیوری صرف " + rupees(limit) + " تک کے آرڈرز کے لیے دستیاب ہے۔"
                    + " براہِ کرم ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
        }

        @Override
        String rupeesOnly() {
            return "کیش آن ڈیلیوری صرف پاکستانی روپے میں ادائیگی کے لیے دستیاب ہے۔"
                    + " براہِ کرم ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
        }

        @Override
        String notInYourCity() {
            return "آپ کے شہر میں کیش آن ڈیلیوری دستیاب نہیں ہے۔ براہِ کرم ادائیگی کا کوئی اور طریقہ منتخب کریں۔";
        }

        private String rupees(Money amount) {
            return number(amount) + " روپے";
        }
    };

    static CodTexts of(Locale locale) {
        return "ur".equals(locale.getLanguage()) ? URDU : ENGLISH;
    }

    abstract String payTheCourier(Money amount, boolean callFirst);

    abstract String aboveLimit(Money limit);

    abstract String rupeesOnly();

    abstract String notInYourCity();

    /** {@code 1,500} for PKR 1,500.00; {@code 1,500.50} when there are paisa. PKR amounts only. */
    static String number(Money amount) {
        long rupees = amount.minorUnits() / 100;
        long paisa = amount.minorUnits() % 100;
        String whole = String.format(Locale.ROOT, "%,d", rupees);
        return paisa == 0 ? whole : whole + String.format(Locale.ROOT, ".%02d", paisa);
    }
}
