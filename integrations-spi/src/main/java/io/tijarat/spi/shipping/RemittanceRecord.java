package io.tijarat.spi.shipping;

import io.tijarat.spi.Money;
import io.tijarat.spi.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One payment from the courier to the shop for a delivered cash-on-delivery parcel. The core matches
 * these against its orders to settle COD payments and to show what the courier still owes.
 *
 * <p>A courier that pays one parcel in instalments (PostEx pays part upfront and the reserve later)
 * reports one record per instalment, each with the same {@code collected} amount and its own
 * reference. A parcel not yet paid for has no record. A parcel returned to the shop collected nothing; what
 * the courier deducts for carrying it there and back is a {@link #deduction} (since SPI 1.3).
 *
 * @param trackingNumber the parcel
 * @param collected      what the rider collected from the customer; positive, or zero for a deduction
 * @param charges        what the courier kept (delivery, cash handling, taxes), if it says
 * @param remitted       what the courier paid the shop in this payment; not negative
 * @param remittedOn     the payment's date
 * @param reference      the courier's payment reference (cheque, invoice or CPR number), for matching
 *                       with the bank statement
 */
public record RemittanceRecord(String trackingNumber, Money collected, Optional<Money> charges, Money remitted,
                               LocalDate remittedOn, String reference) {

    public RemittanceRecord {
        Checks.notBlank(trackingNumber, "trackingNumber");
        Checks.notNull(collected, "collected");
        Checks.optional(charges, "charges");
        Checks.notNull(remitted, "remitted");
        if (collected.isNegative()) {
            throw new IllegalArgumentException("collected must not be negative, was " + collected);
        }
        if (collected.isZero() && (remitted.isPositive() || charges.isEmpty() || !charges.get().isPositive())) {
            throw new IllegalArgumentException("a record that collected nothing is a deduction: remitted 0 and"
                    + " positive charges (use RemittanceRecord.deduction)");
        }
        if (remitted.isNegative()) {
            throw new IllegalArgumentException("remitted must not be negative, was " + remitted);
        }
        if (remitted.isGreaterThan(collected)) {
            throw new IllegalArgumentException("remitted " + remitted + " exceeds collected " + collected);
        }
        charges.ifPresent(charge -> {
            if (charge.isNegative() || (collected.isPositive() && charge.isGreaterThan(collected))) {
                throw new IllegalArgumentException("charges must be between 0 and collected " + collected
                        + ", was " + charge);
            }
        });
        Checks.notNull(remittedOn, "remittedOn");
        Checks.notBlank(reference, "reference");
    }

    /**
     * What the courier deducted from a payout for a parcel it returned to the shop (the return charges): nothing
     * collected, nothing remitted. Since SPI 1.3.
     */
    public static RemittanceRecord deduction(String trackingNumber, Money charges, LocalDate remittedOn,
                                             String reference) {
        Checks.notNull(charges, "charges");
        return new RemittanceRecord(trackingNumber, Money.zero(charges.currency()), Optional.of(charges),
                Money.zero(charges.currency()), remittedOn, reference);
    }

    /** Whether this is a deduction for a returned parcel rather than a payment for a delivered one. */
    public boolean isDeduction() {
        return collected.isZero();
    }
}
