package io.tijarat.plugin.easypaisa;

import java.util.Arrays;
import java.util.Optional;

/**
 * EasyPaisa's REST {@code responseCode}s this plugin knows. What each one becomes is decided where the
 * answer is read ({@link StartAnswers}, {@link InquiryAnswers}), because the same code means different
 * things for a payment and for an inquiry ({@code 0003} is a duplicate order id when starting, an unknown
 * one when inquiring).
 *
 * <p>Provenance matters, because none of this is published openly: {@link Source#NOTES} codes are in the
 * team's provider notes (several integrations agree); {@link Source#COMMUNITY} codes come from one public
 * integration that quotes EasyPaisa's "REST APIs without RSA Encryption" guide. Every community code maps
 * to an outcome no worse than not knowing it (see the mapping classes), except the two declines, which
 * that guide names plainly (low balance, no such account).
 */
enum ResponseCode {
    SUCCESS("0000", "success", Source.NOTES),
    SYSTEM_ERROR("0001", "system error", Source.NOTES),
    REQUIRED_FIELD_MISSING("0002", "required field missing", Source.NOTES),
    INVALID_ORDER_ID("0003", "invalid order id", Source.COMMUNITY),
    INVALID_MERCHANT_ACCOUNT("0004", "invalid merchant account number", Source.COMMUNITY),
    MERCHANT_ACCOUNT_NOT_ACTIVE("0005", "merchant account not active", Source.COMMUNITY),
    INVALID_STORE_ID("0006", "invalid store id", Source.NOTES),
    STORE_NOT_ACTIVE("0007", "store not active", Source.COMMUNITY),
    PAYMENT_METHOD_NOT_ENABLED("0008", "payment method not enabled", Source.COMMUNITY),
    INVALID_CREDENTIALS("0010", "invalid credentials", Source.NOTES),
    LOW_BALANCE("0013", "low balance", Source.COMMUNITY),
    ACCOUNT_DOES_NOT_EXIST("0014", "account does not exist", Source.COMMUNITY);

    /** Where a code's meaning comes from. */
    enum Source { NOTES, COMMUNITY }

    private final String code;
    private final String meaning;
    private final Source source;

    ResponseCode(String code, String meaning, Source source) {
        this.code = code;
        this.meaning = meaning;
        this.source = source;
    }

    static Optional<ResponseCode> of(String code) {
        return Arrays.stream(values()).filter(known -> known.code.equals(code)).findFirst();
    }

    String code() {
        return code;
    }

    Source source() {
        return source;
    }

    /** For logs and messages: {@code 0010 (invalid credentials)}. */
    String describe() {
        return code + " (" + meaning + ")";
    }
}
