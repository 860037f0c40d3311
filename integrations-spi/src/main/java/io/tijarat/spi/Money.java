package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An amount of money: a whole number of the currency's minor units (paisa for PKR) and an ISO-4217
 * currency code. There is no floating point anywhere, so amounts add up exactly and compare exactly.
 *
 * <p>Arithmetic and comparison only work within one currency and throw
 * {@link IllegalArgumentException} otherwise: mixing currencies is always a bug, never something to
 * convert silently. Overflow throws {@link ArithmeticException}. Amounts may be negative (a
 * difference); requests that need a positive amount say so and check it.
 *
 * <p>Gateways disagree on how to write amounts: JazzCash wants paisa as an integer string
 * ({@link #minorUnits()}), EasyPaisa a decimal string ({@link #toDecimalString()}, {@link #parse}).
 * Immutable and thread-safe.
 *
 * @param minorUnits the amount in minor units, e.g. {@code 1500} for PKR 15.00
 * @param currency   upper-case ISO-4217 code with a minor unit, e.g. {@code "PKR"}
 */
public record Money(long minorUnits, String currency) implements Comparable<Money> {

    /** The code of the Pakistani rupee. */
    public static final String PKR = "PKR";

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,9})?");

    public Money {
        Checks.notNull(currency, "currency");
        if (!CODE.matcher(currency).matches()) {
            throw new IllegalArgumentException(
                    "currency must be an upper-case ISO-4217 code such as PKR, was '" + currency + "'");
        }
        fractionDigitsOf(currency);
    }

    /** Pakistani rupees, counted in paisa: {@code Money.pkr(1500)} is PKR 15.00. */
    public static Money pkr(long paisa) {
        return new Money(paisa, PKR);
    }

    public static Money of(long minorUnits, String currency) {
        return new Money(minorUnits, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /**
     * Reads a decimal amount as gateways write it ({@code "20.0"}, {@code "1500"}), exactly.
     *
     * @throws IllegalArgumentException if the text is not a plain decimal number, or has more
     *                                  fraction digits than the currency has (an amount that cannot be
     *                                  paid must not be rounded into one that can)
     */
    public static Money parse(String decimalAmount, String currency) {
        Checks.notNull(decimalAmount, "decimalAmount");
        String text = decimalAmount.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal amount: '" + decimalAmount + "'");
        }
        int digits = fractionDigitsOf(Checks.notNull(currency, "currency"));
        BigDecimal amount = new BigDecimal(text);
        try {
            return new Money(amount.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount '" + decimalAmount + "' has more than " + digits
                    + " fraction digits or does not fit " + currency, e);
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    /**
     * Whether this is a whole number of the currency's major unit (whole rupees: no paisa). Couriers collect cash
     * in whole rupees. Since SPI 1.3.
     */
    public boolean isWhole() {
        return minorUnits % BigDecimal.ONE.movePointRight(fractionDigitsOf(currency)).longValueExact() == 0;
    }

    /** The whole major units in this amount, the fraction dropped (toward zero): {@code 1234} for PKR 1,234.56. */
    public long wholeUnits() {
        return minorUnits / BigDecimal.ONE.movePointRight(fractionDigitsOf(currency)).longValueExact();
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** @throws IllegalArgumentException if the currencies differ */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return Long.compare(minorUnits, other.minorUnits);
    }

    /** The amount in major units with the currency's fraction digits: {@code "15.00"} for 1500 paisa. */
    public String toDecimalString() {
        return BigDecimal.valueOf(minorUnits, fractionDigitsOf(currency)).toPlainString();
    }

    /** For logs and messages, e.g. {@code "PKR 15.00"}. */
    @Override
    public String toString() {
        return currency + " " + toDecimalString();
    }

    private void requireSameCurrency(Money other, String operation) {
        Checks.notNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot " + operation + " " + other.currency + " and " + currency + ": currencies differ");
        }
    }

    private static int fractionDigitsOf(String code) {
        int digits;
        try {
            digits = Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO-4217 currency code", e);
        }
        if (digits < 0) {
            throw new IllegalArgumentException("'" + code + "' has no minor unit (e.g. gold or a test code)");
        }
        return digits;
    }
}
