package io.tijarat.core.payment.banktransfer;

import io.tijarat.core.crypto.Sha256;
import io.tijarat.core.error.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a bank statement exported as CSV (RFC 4180: commas, double quotes, a header row). Banks name their
 * columns differently, so columns are found by name: the credited amount ({@code Credit}, {@code Deposit},
 * {@code Amount}, {@code Cr}), the text the customer typed ({@code Description}, {@code Narration},
 * {@code Details}, {@code Particulars}, {@code Remarks}), and where there is one the bank's own transaction
 * id ({@code Transaction ID}, {@code Reference No}, {@code STAN}, …). Debit lines are skipped. Stateless.
 */
public final class StatementCsv {

    static final int MAX_LINES = 5_000;

    private static final List<String> AMOUNT = List.of("credit", "credit amount", "deposit", "deposits", "amount", "cr");
    private static final List<String> TEXT = List.of("description", "narration", "details", "particulars", "remarks",
            "transaction details", "memo");
    private static final List<String> BANK_ID = List.of("transaction id", "txn id", "reference no", "reference number",
            "ref no", "ref", "stan", "tid", "bank reference", "transaction reference");
    private static final List<String> DATE = List.of("date", "value date", "transaction date", "posting date");
    private static final Pattern AMOUNT_TEXT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    /**
     * One credit line.
     *
     * @param line          its line number in the file (the header is line 1)
     * @param date          the date as written, if there is a date column
     * @param text          the description the customer's bank passed on
     * @param amountMinor   the credited amount in paisa
     * @param bankReference the bank's transaction id, or a fingerprint of the line when the file has none, so
     *                      that uploading the same statement twice finds the same references
     */
    public record Line(int line, String date, String text, long amountMinor, String bankReference) {
    }

    private StatementCsv() {
    }

    static List<Line> parse(String csv) {
        List<List<String>> rows = rows(csv);
        if (rows.isEmpty()) {
            throw InvalidRequestException.invalid("statement", "is empty; upload the CSV with its header row");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int amount = column(header, AMOUNT).orElseThrow(() -> InvalidRequestException.invalid("statement",
                "has no credit amount column (one of " + AMOUNT + ")"));
        int text = column(header, TEXT).orElseThrow(() -> InvalidRequestException.invalid("statement",
                "has no description column (one of " + TEXT + ")"));
        Optional<Integer> bankId = column(header, BANK_ID);
        Optional<Integer> date = column(header, DATE);
        if (rows.size() - 1 > MAX_LINES) {
            throw InvalidRequestException.invalid("statement", "has more than " + MAX_LINES + " lines; upload it in parts");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int lineNumber = i + 1;
            String amountText = cell(row, amount).replace(",", "").replaceFirst("(?i)^(rs\\.?|pkr)\\s*", "").strip();
            if (amountText.isEmpty() || amountText.matches("0+(\\.0+)?")) {
                continue; // a debit line, or no money in
            }
            if (!AMOUNT_TEXT.matcher(amountText).matches()) {
                throw InvalidRequestException.invalid("statement", "line " + lineNumber + ": the credit amount is not a"
                        + " plain amount like 1250.00");
            }
            long minor = toMinor(amountText);
            String description = cell(row, text).strip();
            String dateText = date.map(d -> cell(row, d).strip()).orElse("");
            String reference = bankId.map(b -> cell(row, b).strip()).filter(r -> !r.isEmpty())
                    .orElseGet(() -> "line:" + Sha256.hex(dateText + "|" + description + "|" + minor).substring(0, 32));
            if (reference.length() > 100) {
                throw InvalidRequestException.invalid("statement", "line " + lineNumber + ": the transaction id is longer"
                        + " than 100 characters");
            }
            lines.add(new Line(lineNumber, dateText, description, minor, reference));
        }
        return lines;
    }

    private static long toMinor(String amount) {
        int dot = amount.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(amount) * 100;
        }
        String fraction = (amount.substring(dot + 1) + "0").substring(0, 2);
        return Long.parseLong(amount.substring(0, dot)) * 100 + Long.parseLong(fraction);
    }

    private static Optional<Integer> column(List<String> header, List<String> names) {
        for (String name : names) {
            int index = header.indexOf(name);
            if (index >= 0) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() ? row.get(index) : "";
    }

    /**
     * RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks; a leading byte-order mark is
     * dropped. Also reads couriers' payout statements ({@code io.tijarat.core.shipment.PayoutStatement}).
     */
    public static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw InvalidRequestException.invalid("statement", "ends inside a quoted field");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
