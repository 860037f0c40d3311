package io.tijarat.plugin.jazzcash;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code pp_ResponseCode}s the notes document, each with what it means for us. The operations
 * ({@link WalletPayment}, {@link VoucherPayment}, {@link StatusInquiry}, {@link WalletRefund},
 * {@link CallbackVerifier}) turn a {@link Meaning} into their own outcome; a code not listed here is
 * {@link Meaning#UNLISTED} and never taken for a result.
 *
 * <p>The notes tag this list "[1 src] — check against the merchant guide's appendix": a code that turns
 * out to mean something else changes here, and in the table test, and nowhere else.
 */
enum ResponseCode {

    SUCCESS("000", Meaning.APPROVED),
    INVALID_CREDENTIALS("101", Meaning.MISCONFIGURED),
    INVALID_PARAMETER("110", Meaning.DECLINED),
    INVALID_SECURE_HASH("115", Meaning.MISCONFIGURED),
    DUPLICATE_REFERENCE("116", Meaning.DUPLICATE),
    INVALID_DATE_TIME("117", Meaning.MISCONFIGURED),
    ACCOUNT_NOT_FOUND("118", Meaning.DECLINED),
    INSUFFICIENT_BALANCE("119", Meaning.DECLINED),
    WRONG_MPIN("120", Meaning.DECLINED),
    CONFIRMED("121", Meaning.APPROVED),
    MPIN_TIMED_OUT("122", Meaning.DECLINED),
    CANCELLED_BY_CUSTOMER("123", Meaning.DECLINED),
    PENDING("124", Meaning.PENDING),
    LIMIT_EXCEEDED("157", Meaning.DECLINED),
    SYSTEM_ERROR("199", Meaning.NOT_PROCESSED),
    REJECTED("210", Meaning.DECLINED),
    GATEWAY_ERROR("999", Meaning.GATEWAY_ERROR);

    /** What a code says about the request it answers. */
    enum Meaning {
        /** Paid (000 success, 121 confirmed). */
        APPROVED,
        /** Accepted, waiting for the customer (124: voucher issued, awaiting payment). */
        PENDING,
        /** A business "no" about this request: nothing was charged. */
        DECLINED,
        /** 116: the reference was used before, so an earlier request reached JazzCash. */
        DUPLICATE,
        /** 199: JazzCash did not process the request; the same request may be sent again. */
        NOT_PROCESSED,
        /** 101, 115, 117: JazzCash could not accept any request from us until configuration is fixed. */
        MISCONFIGURED,
        /** 999: JazzCash failed somewhere; whether it acted is not known. */
        GATEWAY_ERROR,
        /** A code the notes do not list. */
        UNLISTED
    }

    private static final Map<String, ResponseCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ResponseCode::code, Function.identity()));

    private final String code;
    private final Meaning meaning;

    ResponseCode(String code, Meaning meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    String code() {
        return code;
    }

    Meaning meaning() {
        return meaning;
    }

    /** The meaning of a code as JazzCash sent it; surrounding blanks are ignored. */
    static Meaning meaningOf(String code) {
        ResponseCode known = code == null ? null : BY_CODE.get(code.strip());
        return known == null ? Meaning.UNLISTED : known.meaning;
    }

    /**
     * Whether an answer with this code may be believed without a valid {@code pp_SecureHash}. Only codes
     * that lead to an exception qualify — "nothing happened, fix the configuration" or "not processed,
     * send it again" — because JazzCash may not sign an answer to a request it could not authenticate, and
     * a forged one could do no more than raise an alert or cause a harmless retry (a repeat with the same
     * {@code pp_TxnRefNo} is refused as a duplicate). A result — approved, pending, declined — must always
     * be signed: a wrong "declined" can make a customer pay twice.
     */
    static boolean believableUnsigned(Meaning meaning) {
        return meaning == Meaning.MISCONFIGURED || meaning == Meaning.NOT_PROCESSED;
    }
}
