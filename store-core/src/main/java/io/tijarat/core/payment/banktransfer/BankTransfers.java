package io.tijarat.core.payment.banktransfer;

import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.order.Order;
import io.tijarat.core.payment.attempt.AttemptStatus;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.core.payment.settlement.PaymentSettlement;
import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.PaymentCapability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settles bank-transfer orders: staff confirm one with the bank's reference, or upload a statement whose
 * credit lines are matched to orders by the order number the customer quoted and the amount. A line that
 * does not match exactly is reported, never guessed at. Every confirmation goes through
 * {@link PaymentSettlement} in the same transaction as the record of who confirmed it, and a bank
 * reference settles at most one order.
 */
@ApplicationScoped
public class BankTransfers {

    /** An order number as customers type it: any case, with dashes, spaces or nothing between the parts. */
    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?i)\\bTJ[\\s-]?([34679ACDEFGHJKMNPQRTVWXY]{4})[\\s-]?([34679ACDEFGHJKMNPQRTVWXY]{4})\\b");
    private static final String BUNDLED_PROVIDER = "bank-transfer";
    private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{N} ./:#_-]{1,100}");

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PaymentSettlement settlement;

    @Inject
    PaymentProviders payments;

    @Inject
    BankTransfers self;

    /** What a confirmation did. */
    public record Confirmation(String orderId, String orderNumber, String orderStatus, String bankReference,
                               long amountMinor, String confirmedBy, String confirmedAt, boolean alreadyConfirmed,
                               String attention) {
    }

    /** What became of one statement line. */
    public enum Verdict {
        /** The order was waiting for this transfer: it is now paid. */
        CONFIRMED,
        /** This bank transaction was confirmed before (a statement uploaded twice): nothing changed. */
        ALREADY_CONFIRMED,
        /** The order was already paid by another transaction: check whether the customer paid twice. */
        ORDER_ALREADY_PAID,
        /** Less than the order's total: not confirmed; ask the customer for the rest or refund. */
        SHORT,
        /** More than the order's total: not confirmed; confirm by hand with the amount, then refund the excess. */
        OVER,
        /** Paid after the order expired or was cancelled: recorded and flagged for a refund. */
        LATE,
        /** The order number is not one of ours, or the order is not paid by bank transfer. */
        UNKNOWN_ORDER,
        /** No order number in the description: to be matched by hand (candidates by amount are listed). */
        NO_ORDER_NUMBER,
        /** The line could not be settled just now (another upload was confirming it): upload it again. */
        TRY_AGAIN,
        /** Its bank reference already confirmed another order or amount: two payments sharing a reference? */
        REFERENCE_CONFLICT
    }

    /** One statement line and what became of it. */
    public record LineResult(int line, String date, String description, long amountMinor, String bankReference,
                             Verdict verdict, String orderNumber, String detail, List<String> candidates) {
    }

    /** A whole statement: every credit line with its verdict. */
    public record StatementResult(int creditLines, int confirmed, int needAttention, List<LineResult> lines) {
    }

    /**
     * Staff confirm that an order's transfer arrived.
     *
     * @param amountMinor what arrived, in paisa; null for the order's total
     */
    @Transactional(TxType.REQUIRED)
    public Confirmation confirm(String orderId, String bankReference, Long amountMinor, String actor, String note) {
        String reference = reference(bankReference);
        Order order = em.find(Order.class, orderId);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        Optional<BankTransfer> seen = byReference(reference);
        if (seen.isPresent()) {
            if (!seen.get().orderId().equals(orderId)) {
                throw new ConflictException("bank reference " + reference + " already paid another order");
            }
            return confirmation(order, seen.get(), true, null);
        }
        PaymentAttempt attempt = transferAttempt(order).orElseThrow(() -> new ConflictException("order "
                + order.number() + " is not paid by bank transfer: its payment provider reports its own payments"));
        // The attempt first, then the order: the same order every settlement and expiry takes its locks in.
        em.lock(attempt, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(order, LockModeType.PESSIMISTIC_WRITE);
        if (attempt.status() == AttemptStatus.APPROVED) {
            throw new ConflictException("order " + order.number() + " is already paid (bank reference "
                    + attempt.gatewayReference() + "); if the customer paid twice, refund the second transfer");
        }
        Money amount = amountMinor == null ? order.total() : Money.of(positive(amountMinor), order.total().currency());
        if (amount.isLessThan(order.total())) {
            throw InvalidRequestException.unprocessable("amountMinor", "is " + order.total().minus(amount).toDecimalString()
                    + " " + amount.currency() + " short of the order's total; confirm when the rest has arrived, or"
                    + " cancel the order and pay back what arrived");
        }
        String text = note == null ? null : note.strip();
        if (text != null && text.length() > 300) {
            throw InvalidRequestException.invalid("note", "must be at most 300 characters");
        }
        BankTransfer transfer = new BankTransfer(reference, orderId, attempt.id(), amount, BankTransfer.Source.STAFF,
                actor, clock.instant(), text == null || text.isEmpty() ? null : text);
        return record(order, attempt, transfer, "bank transfer confirmed by staff");
    }

    /** Matches every credit line of a statement; each line commits on its own, so one bad line spoils none. */
    public StatementResult matchStatement(String csv, String actor) {
        List<StatementCsv.Line> lines = StatementCsv.parse(csv);
        List<LineResult> results = new ArrayList<>();
        for (StatementCsv.Line line : lines) {
            try {
                results.add(self.matchLine(line, actor));
            } catch (RuntimeException e) {
                // e.g. the same bank reference confirmed by a concurrent upload: this line's transaction rolled
                // back alone, and uploading again reports it ALREADY_CONFIRMED
                results.add(result(line, Verdict.TRY_AGAIN, null, "not settled now: " + e.getClass().getSimpleName(),
                        List.of()));
            }
        }
        int confirmed = (int) results.stream().filter(r -> r.verdict() == Verdict.CONFIRMED).count();
        int attention = (int) results.stream().filter(r -> r.verdict() != Verdict.CONFIRMED
                && r.verdict() != Verdict.ALREADY_CONFIRMED).count();
        return new StatementResult(results.size(), confirmed, attention, results);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public LineResult matchLine(StatementCsv.Line line, String actor) {
        Optional<BankTransfer> seen = byReference(line.bankReference());
        Matcher number = ORDER_NUMBER.matcher(line.text());
        boolean numbered = number.find();
        String quoted = numbered ? ("TJ-" + number.group(1) + "-" + number.group(2)).toUpperCase(Locale.ROOT) : null;
        if (seen.isPresent()) {
            Order order = em.find(Order.class, seen.get().orderId());
            if (seen.get().amount().minorUnits() != line.amountMinor() || (quoted != null && !quoted.equals(order.number()))) {
                return result(line, Verdict.REFERENCE_CONFLICT, quoted, "bank reference " + line.bankReference()
                        + " already confirmed order " + order.number() + " for " + seen.get().amount().toDecimalString()
                        + ": a different payment with the same reference? check it by hand", List.of());
            }
            return result(line, Verdict.ALREADY_CONFIRMED, order.number(), "confirmed on " + seen.get().confirmedAt()
                    + " by " + seen.get().confirmedBy(), List.of());
        }
        if (!numbered) {
            return result(line, Verdict.NO_ORDER_NUMBER, null, "no order number in the description",
                    candidates(line.amountMinor()));
        }
        String orderNumber = quoted;
        Optional<Order> found = em.createQuery("select o from Order o where o.number = :n", Order.class)
                .setParameter("n", orderNumber).getResultStream().findFirst();
        Optional<PaymentAttempt> attempt = found.flatMap(this::transferAttempt);
        if (attempt.isEmpty()) {
            return result(line, Verdict.UNKNOWN_ORDER, orderNumber, found.isEmpty() ? "no order with this number"
                    : "the order is not paid by bank transfer", List.of());
        }
        Order order = found.get();
        // The attempt first, then the order, as every settlement does; then read them as they are now.
        em.lock(attempt.get(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(order, LockModeType.PESSIMISTIC_WRITE);
        if (attempt.get().status() == AttemptStatus.APPROVED) {
            return result(line, Verdict.ORDER_ALREADY_PAID, orderNumber, "already paid (bank reference "
                    + attempt.get().gatewayReference() + "): check whether the customer paid twice", List.of());
        }
        long expected = order.total().minorUnits();
        if (line.amountMinor() != expected) {
            Verdict verdict = line.amountMinor() < expected ? Verdict.SHORT : Verdict.OVER;
            return result(line, verdict, orderNumber, "the order's total is " + Money.of(expected,
                    order.total().currency()).toDecimalString() + " " + order.total().currency(), List.of());
        }
        boolean late = !order.status().name().equals("PENDING_PAYMENT");
        BankTransfer transfer = new BankTransfer(line.bankReference(), order.id(), attempt.get().id(),
                Money.of(line.amountMinor(), order.total().currency()), BankTransfer.Source.STATEMENT, actor,
                clock.instant(), "statement line " + line.line());
        Confirmation confirmation = record(order, attempt.get(), transfer, "bank statement matched");
        return result(line, late ? Verdict.LATE : Verdict.CONFIRMED, orderNumber,
                late ? "paid after the order was " + order.status() + ": " + confirmation.attention()
                        : "order is now " + confirmation.orderStatus(), List.of());
    }

    /**
     * Records the transfer and settles the order's payment. More than the total pays the order and flags the
     * excess for a refund; the caller has refused less.
     */
    private Confirmation record(Order order, PaymentAttempt attempt, BankTransfer transfer, String source) {
        em.persist(transfer);
        try {
            em.flush(); // the unique bank reference is checked here, before the order moves
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ConflictException("bank reference " + transfer.bankReference() + " was confirmed by someone else"
                    + " just now; look at the order again");
        }
        Money excess = transfer.amount().minus(order.total());
        var settled = settlement.settleConfirmedBy(attempt.id(), new InquiryOutcome.Paid(transfer.bankReference(),
                excess.isPositive() ? order.total() : transfer.amount()), transfer.confirmedBy(), source);
        String attention = settled.attention();
        if (excess.isPositive()) {
            attention = "the transfer " + transfer.bankReference() + " brought " + excess.toDecimalString() + " "
                    + excess.currency() + " more than the total: refund the excess";
            attempt.flag(attention, clock.instant());
        }
        return confirmation(order, transfer, false, attention);
    }

    /**
     * The order's latest attempt, if its provider takes payments outside any gateway that could report
     * them itself (no inquiry, no callbacks, not cash on delivery): a bank transfer.
     */
    private Optional<PaymentAttempt> transferAttempt(Order order) {
        Optional<PaymentAttempt> latest = PaymentAttempt.latestOf(em, order.id());
        // A bank-transfer provider switched off (no new orders) still has orders whose transfers staff confirm.
        return latest.filter(a -> payments.descriptor(a.providerId()).map(BankTransfers::isOffline)
                .orElse(a.providerId().equals(BUNDLED_PROVIDER)));
    }

    private static boolean isOffline(ProviderDescriptor descriptor) {
        return !descriptor.supports(PaymentCapability.INQUIRY) && !descriptor.supports(PaymentCapability.CALLBACKS)
                && !descriptor.supports(PaymentCapability.COLLECT_ON_DELIVERY);
    }

    /**
     * Orders waiting for a transfer of exactly this amount: suggestions for a line without an order number, the
     * newest first (a deposit usually follows its order by hours, and the oldest unpaid orders expire), at most 10.
     * Oldest first, a shop with many orders of one price never saw the recent ones (found by the payments test once
     * other tests had left pending orders of the same amount).
     */
    private List<String> candidates(long amountMinor) {
        return em.createQuery("select o.number from Order o where o.status = io.tijarat.core.order.OrderStatus.PENDING_PAYMENT"
                        + " and o.totalMinor = :a order by o.createdAt desc", String.class)
                .setParameter("a", amountMinor).setMaxResults(10).getResultList();
    }

    private Optional<BankTransfer> byReference(String reference) {
        return em.createQuery("select t from BankTransfer t where t.bankReference = :r", BankTransfer.class)
                .setParameter("r", reference).getResultStream().findFirst();
    }

    private static Confirmation confirmation(Order order, BankTransfer transfer, boolean already, String attention) {
        return new Confirmation(order.id(), order.number(), order.status().name(), transfer.bankReference(),
                transfer.amount().minorUnits(), transfer.confirmedBy(), transfer.confirmedAt().toString(), already,
                attention);
    }

    private static LineResult result(StatementCsv.Line line, Verdict verdict, String orderNumber, String detail,
                                     List<String> candidates) {
        return new LineResult(line.line(), line.date(), line.text(), line.amountMinor(), line.bankReference(), verdict,
                orderNumber, detail, candidates);
    }

    private static String reference(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidRequestException.invalid("bankReference", "is required: the transaction id on the bank's"
                    + " statement or SMS");
        }
        String reference = text.strip();
        if (!PRINTABLE.matcher(reference).matches()) {
            throw InvalidRequestException.invalid("bankReference", "must be 1 to 100 letters, digits, spaces or . / : #"
                    + " _ -");
        }
        return reference;
    }

    private static long positive(long amountMinor) {
        if (amountMinor <= 0) {
            throw InvalidRequestException.invalid("amountMinor", "must be a positive amount in paisa");
        }
        return amountMinor;
    }
}
