package io.tijarat.core.shipment;

import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.payment.banktransfer.StatementCsv;
import io.tijarat.spi.Money;
import io.tijarat.spi.shipping.RemittanceRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A courier's COD payout statement, as staff download it from the courier's portal and save as CSV, read into payout
 * lines for {@link Remittances#record}. For couriers whose API reports no payout amounts (TCS), and for any courier
 * whose statement staff want to check against the API's.
 *
 * <p>The first line names the columns, in any order, case and spacing ignored: {@code tracking_number},
 * {@code collected}, {@code charges}, {@code remitted}, {@code paid_on}, {@code reference}. Amounts are rupees
 * ({@code 2339}, {@code 2339.50}, {@code "2,339"} in quotes); dates are {@code 2026-12-05} or {@code 05/12/2026}
 * (day first, as Pakistani spreadsheets write them). A line that collected and remitted nothing but has charges is a
 * deduction for a returned parcel. The whole statement is refused, naming each bad line (blank lines not counted;
 * up to {@link #MAX_ERRORS}), if any line is wrong: half a statement recorded would look like missing payouts.
 */
public final class PayoutStatement {

    /** The most lines one statement may hold. */
    public static final int MAX_LINES = 10_000;
    /** The most bad lines named in one refusal. */
    public static final int MAX_ERRORS = 10;

    static final List<String> COLUMNS = List.of("tracking_number", "collected", "charges", "remitted", "paid_on",
            "reference");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu");

    private PayoutStatement() {
    }

    /**
     * The statement's payout lines.
     *
     * @throws InvalidRequestException naming the bad lines (400), if the statement cannot be read whole
     */
    public static List<RemittanceRecord> read(String csv) {
        List<List<String>> rows = StatementCsv.rows(csv == null ? "" : csv.strip()).stream()
                .filter(row -> row.stream().anyMatch(cell -> !cell.isBlank())).toList();
        if (rows.size() < 2) {
            throw InvalidRequestException.invalid("statement", "a header line and at least one payout line are"
                    + " needed; columns: " + String.join(",", COLUMNS));
        }
        if (rows.size() - 1 > MAX_LINES) {
            throw InvalidRequestException.invalid("statement", "at most " + MAX_LINES + " payout lines per statement,"
                    + " got " + (rows.size() - 1) + "; split it");
        }
        Map<String, Integer> at = header(rows.get(0));
        List<RemittanceRecord> records = new ArrayList<>();
        List<InvalidRequestException.Violation> errors = new ArrayList<>();
        for (int i = 1; i < rows.size() && errors.size() < MAX_ERRORS; i++) {
            try {
                records.add(record(rows.get(i), at));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRequestException.Violation("line " + (i + 1), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.invalid(errors);
        }
        return records;
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            at.put(names.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_'), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw InvalidRequestException.invalid("line 1", "the header lacks " + String.join(", ", missing)
                    + "; columns: " + String.join(",", COLUMNS));
        }
        return at;
    }

    private static RemittanceRecord record(List<String> cells, Map<String, Integer> at) {
        String tracking = cell(cells, at, "tracking_number");
        if (tracking.isEmpty() || tracking.length() > 64) {
            throw new IllegalArgumentException("tracking_number: must be 1 to 64 characters");
        }
        Money collected = rupees(cells, at, "collected");
        Optional<Money> charges = cell(cells, at, "charges").isEmpty() ? Optional.empty()
                : Optional.of(rupees(cells, at, "charges"));
        Money remitted = rupees(cells, at, "remitted");
        LocalDate paidOn = day(cell(cells, at, "paid_on"));
        String reference = cell(cells, at, "reference");
        if (reference.isEmpty() || reference.length() > 64) {
            throw new IllegalArgumentException("reference: the payment's cheque, invoice or CPR number, 1 to 64"
                    + " characters");
        }
        if (collected.isZero()) {
            if (remitted.isPositive() || charges.filter(Money::isPositive).isEmpty()) {
                throw new IllegalArgumentException("collected: 0 is a returned parcel's deduction, which needs charges"
                        + " and remitted 0");
            }
            return RemittanceRecord.deduction(tracking, charges.get(), paidOn, reference);
        }
        return new RemittanceRecord(tracking, collected, charges, remitted, paidOn, reference);
    }

    private static String cell(List<String> cells, Map<String, Integer> at, String column) {
        int i = at.get(column);
        return i < cells.size() ? cells.get(i).strip() : "";
    }

    private static Money rupees(List<String> cells, Map<String, Integer> at, String column) {
        String text = cell(cells, at, column).replace(",", "").replaceFirst("(?i)^(rs\\.?|pkr)\\s*", "");
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0 || amount.scale() > 2) {
                throw new NumberFormatException();
            }
            return Money.pkr(amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(column + ": not an amount in rupees: '" + brief(text) + "'");
        }
    }

    private static LocalDate day(String text) {
        try {
            return text.contains("/") ? LocalDate.parse(text, DAY_FIRST) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("paid_on: not a date (2026-12-05 or 05/12/2026): '" + brief(text) + "'");
        }
    }

    private static String brief(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
