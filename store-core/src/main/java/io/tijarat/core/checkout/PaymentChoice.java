package io.tijarat.core.checkout;

import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.payment.PaymentMethod;
import io.tijarat.spi.payment.WalletAccount;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the customer wants to pay with the chosen provider, validated before anything is written: the
 * method (a hint for gateways that offer several) and, for a direct wallet charge, the wallet.
 */
record PaymentChoice(PaymentMethod method, Optional<WalletAccount> wallet) {

    private static final Pattern MOBILE = Pattern.compile("\\+923\\d{9}");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    static PaymentChoice from(String methodText, CheckoutCommand.WalletInput wallet) {
        PaymentMethod method = method(methodText, wallet != null);
        if (wallet == null) {
            return new PaymentChoice(method, Optional.empty());
        }
        if (method != PaymentMethod.WALLET) {
            throw InvalidRequestException.invalid("wallet", "is only for paymentMethod WALLET, not " + method);
        }
        return new PaymentChoice(method, Optional.of(new WalletAccount(number(wallet.number()), cnic(wallet.cnicLastSix()))));
    }

    private static PaymentMethod method(String text, boolean walletGiven) {
        if (text == null || text.isBlank()) {
            return walletGiven ? PaymentMethod.WALLET : PaymentMethod.ANY;
        }
        try {
            return PaymentMethod.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.invalid("paymentMethod", "must be one of "
                    + Arrays.toString(PaymentMethod.values()));
        }
    }

    private static PhoneNumber number(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidRequestException.invalid("wallet.number", "is required");
        }
        PhoneNumber number;
        try {
            number = PhoneNumber.fromPakistani(text);
        } catch (IllegalArgumentException e) {
            number = null;
        }
        // Wallets live on mobile numbers: +92 3XX XXXXXXX, ten national digits.
        if (number == null || !MOBILE.matcher(number.value()).matches()) {
            throw InvalidRequestException.invalid("wallet.number", "must be a Pakistani mobile number, like 0300-1234567");
        }
        return number;
    }

    private static Optional<String> cnic(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (!SIX_DIGITS.matcher(text.strip()).matches()) {
            throw InvalidRequestException.invalid("wallet.cnicLastSix", "must be exactly the last 6 digits of the CNIC");
        }
        return Optional.of(text.strip());
    }
}
