package io.tijarat.spi.payment;

import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.internal.Checks;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mobile wallet to charge directly, without the gateway's hosted page: the gateway sends the
 * customer a prompt to approve with their PIN. JazzCash's wallet API also wants the last six digits of
 * the account holder's CNIC; EasyPaisa's wants the account number only.
 *
 * <p>Only the last six CNIC digits are ever accepted, never the whole number; {@link #toString()}
 * masks both fields, and plugins must not log either. Immutable and thread-safe.
 *
 * @param number       the wallet's mobile number
 * @param cnicLastSix  the last six digits of the holder's CNIC, where the gateway needs them
 */
public record WalletAccount(PhoneNumber number, Optional<String> cnicLastSix) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    public WalletAccount {
        Checks.notNull(number, "wallet number");
        Checks.optional(cnicLastSix, "cnicLastSix");
        if (cnicLastSix.isPresent() && !SIX_DIGITS.matcher(cnicLastSix.get()).matches()) {
            throw new IllegalArgumentException("cnicLastSix must be exactly 6 digits");
        }
    }

    @Override
    public String toString() {
        return "WalletAccount[number=" + number.masked() + ", cnicLastSix=" + (cnicLastSix.isPresent() ? "******" : "-")
                + "]";
    }
}
