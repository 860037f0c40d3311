package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Money;
import io.tijarat.spi.payment.PaymentRequest;
import java.util.regex.Pattern;

/**
 * The request fields every JazzCash payment shares, written the way JazzCash wants them. Stateless and
 * thread-safe.
 */
final class RequestFields {

    /** JazzCash's limits: {@code pp_BillReference} 20 letters and digits, {@code pp_Description} 200 characters. */
    static final int BILL_REFERENCE_MAX = 20;
    static final int DESCRIPTION_MAX = 200;

    /** JazzCash refuses a description with any of {@code <>\*=%/:'|"{}} as possibly malicious. */
    private static final Pattern REFUSED_IN_DESCRIPTION = Pattern.compile("[<>\\\\*=%/:'|\"{}\\p{Cntrl}]");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private RequestFields() {
    }

    /** {@code pp_Amount}: paisa as an integer string, PKR 15.00 is {@code "1500"}. */
    static String amount(Money amount) {
        return Long.toString(amount.minorUnits());
    }

    /** {@code pp_BillReference}: the order number's letters and digits, else the attempt id. */
    static String billReference(PaymentRequest request) {
        String compact = NOT_ALPHANUMERIC.matcher(request.orderNumber()).replaceAll("");
        if (compact.isEmpty()) {
            return request.attemptId().value();
        }
        return compact.length() <= BILL_REFERENCE_MAX ? compact : compact.substring(0, BILL_REFERENCE_MAX);
    }

    /** {@code pp_Description}: the request's text without the characters JazzCash refuses, at most 200. */
    static String description(PaymentRequest request) {
        String cleaned = SPACES.matcher(REFUSED_IN_DESCRIPTION.matcher(request.description()).replaceAll(" "))
                .replaceAll(" ").strip();
        if (cleaned.isEmpty()) {
            return "Order " + billReference(request);
        }
        return cleaned.length() <= DESCRIPTION_MAX ? cleaned : cleaned.substring(0, DESCRIPTION_MAX).strip();
    }
}
