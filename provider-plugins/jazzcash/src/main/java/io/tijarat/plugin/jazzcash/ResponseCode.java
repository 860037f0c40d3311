package io.tijarat.plugin.jazzcash;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * JazzCash's published response codes, each with what it means for every operation that can receive it.
 * A code does not mean the same thing everywhere: {@code 109} "transaction does not exist" is a result of an
 * inquiry, and nothing sensible as the answer to a payment; {@code 024} "bad PIN" is the customer's mistake
 * on a payment, and the merchant's (a wrong {@code pp_MerchantMPIN}) on a refund. So each code carries four
 * readings:
 * <ul>
 *   <li>{@link Start}: the answer to a payment request (wallet {@code DoMWalletTransaction}, voucher
 *       {@code DoTransaction});</li>
 *   <li>{@link Status}: the state of an existing transaction, as the status inquiry reports it in
 *       {@code pp_PaymentResponseCode} and as the return POST and the IPN report it in
 *       {@code pp_ResponseCode} (a card payment on the hosted page is only ever seen this way);</li>
 *   <li>{@link Inquiry}: the status inquiry's own {@code pp_ResponseCode}, which says whether the inquiry
 *       itself worked ({@code 000}) and not what became of the payment;</li>
 *   <li>{@link Refund}: the answer to a wallet refund.</li>
 * </ul>
 * A code that is not in the list is unknown for every operation: never a result.
 *
 * <h2>Sources</h2>
 * <ul>
 *   <li>[R] JazzCash, Sandbox Documentation, "Resources": the list of response codes with JazzCash's
 *       "status to be mapped by merchant" column,
 *       https://payments.jazzcash.com.pk/SandboxDocumentation/Resources.html. The stored copy that was read
 *       shows the codes 000 to 121; for the rest of the page the two copies below were used, whose 000–121
 *       match [R] word for word.</li>
 *   <li>[O] omnipay-jazzcash, https://github.com/moeen-basra/omnipay-jazzcash, src/Message/AbstractResponse.php:
 *       the same list verbatim, 000 to 999 including the refund codes 451–455.</li>
 *   <li>[D] jazzcash-docs, https://github.com/alihamasdev/jazzcash-docs, content/docs/api/response-codes.mdx:
 *       the same list verbatim with JazzCash's status column (000/121 Completed, 124 Pending, 129 Dropped,
 *       101/105/110/111/112/115/118/999 Failed).</li>
 *   <li>[W] JazzCash's WooCommerce plugin (contributors AKSA, Jazz), https://github.com/thekoderslab/jazzcash-payment,
 *       woo8911-jazzcashcard.php, {@code jazzcash_response}: how JazzCash's own plugin reads a return —
 *       000 paid; 124 and 157 pending ("please verify the order through the JazzCash portal"); 129 dropped;
 *       134 time-out; anything else a failure.</li>
 *   <li>[Q] The status inquiry's answer carries the inquiry's own {@code pp_ResponseCode} next to the payment's
 *       {@code pp_PaymentResponseCode} and {@code pp_Status}: omnipay-jazzcash, tests/Mock/FetchTransaction_Success.txt
 *       (000 + 121 + Completed) and FetchTransaction_Failed.txt (an unsigned 199).</li>
 * </ul>
 * Where the sources give a code's text but not what it means for money ("-" in JazzCash's status column),
 * or disagree, the reading is the safe one, as the SPI asks: {@code Unknown} or {@code Pending}, settled by
 * inquiry — never a decline that could hide a charge. Each constant says which case it is.
 */
enum ResponseCode {

    // ------------------------------------------------------------------------------------- paid
    /** "Thank you for Using JazzCash, your transaction was successful." [R][O][D], Completed in [R][D]; [W] paid. */
    SUCCESSFUL("000", Reading.PAID_000),
    /** "Transaction has been marked confirmed by Merchant." [R][O][D], Completed in [R][D]. */
    CONFIRMED_BY_MERCHANT("121", Reading.PAID),
    /**
     * "Transaction approved – Post authorization" [O][D] (no status column entry): approved. On a refund it
     * is not the documented success (000), so the refund is {@code Unknown}.
     */
    APPROVED_POST_AUTHORISATION("200", Reading.PAID),

    // ---------------------------------------------------------------------------------- pending
    /**
     * "Order is placed and waiting for financials to be received over the counter." [O][D], Pending in [D];
     * [W] pending.
     */
    WAITING_OVER_THE_COUNTER("124", Reading.PENDING),
    /**
     * "Transaction is pending (for MWallet and MIGS)" [O][D]; [W] pending. The customer has not approved
     * yet: never a decline, or a customer who approves later is charged for an order that says declined.
     */
    PENDING_WALLET_OR_CARD("157", Reading.PENDING),
    /** "Authorization pending" [O][D]: waiting, not refused. */
    AUTHORISATION_PENDING("210", Reading.PENDING),

    // ------------------------------------------------------------- declined by the customer's account
    /** "Limit exceeded" [R][O][D]. */
    LIMIT_EXCEEDED("001", Reading.DECLINED),
    /** "Account not found" [R][O][D]. */
    ACCOUNT_NOT_FOUND("002", Reading.DECLINED),
    /** "Account inactive" [R][O][D]. */
    ACCOUNT_INACTIVE("003", Reading.DECLINED),
    /** "Low balance" [R][O][D]. */
    LOW_BALANCE("004", Reading.DECLINED),
    /** "Warm card" [R][O][D]. */
    WARM_CARD("014", Reading.DECLINED),
    /** "Hot card" [R][O][D]. */
    HOT_CARD("015", Reading.DECLINED),
    /** "Invalid card status" [R][O][D]. */
    INVALID_CARD_STATUS("016", Reading.DECLINED),
    /**
     * "Bad PIN" [R][O][D]: the customer's MPIN on a payment. On a refund the only PIN sent is the merchant's
     * {@code pp_MerchantMPIN}, so there it is the operator's configuration.
     */
    BAD_PIN("024", Reading.DECLINED_MERCHANT_PIN_ON_REFUND),
    /** "Transaction rejected by host" [R][O][D]. */
    REJECTED_BY_HOST("059", Reading.DECLINED),
    /** "PIN retries exhausted" [R][O][D]; on a refund, the merchant MPIN's retries (see {@link #BAD_PIN}). */
    PIN_RETRIES_EXHAUSTED("060", Reading.DECLINED_MERCHANT_PIN_ON_REFUND),
    /** "Destination not found" [R][O][D]. */
    DESTINATION_NOT_FOUND("063", Reading.DECLINED),
    /** "No transactions allowed" [R][O][D]. */
    NO_TRANSACTIONS_ALLOWED("066", Reading.DECLINED),
    /** "Invalid account status" [R][O][D]. */
    INVALID_ACCOUNT_STATUS("067", Reading.DECLINED),
    /** "Transaction rejected" [R][O][D]. */
    TRANSACTION_REJECTED("095", Reading.DECLINED),
    /** "Card blocked" [R][O][D]. */
    CARD_BLOCKED("102", Reading.DECLINED),
    /** "Customer blocked" [R][O][D]. */
    CUSTOMER_BLOCKED("103", Reading.DECLINED),
    /**
     * "BIN not allowed for use on merchant" [R][O][D]: this card's range is refused here, another card is
     * not — a decline of this payment, not a fault of the provider.
     */
    BIN_NOT_ALLOWED("104", Reading.DECLINED),
    /**
     * "Transaction exceeds merchant per transaction limit." [R][O][D], Failed in [R][D]: this amount is
     * refused, a smaller one is not — a decline (logged for the shop), not a fault of the provider.
     */
    ABOVE_MERCHANT_LIMIT("105", Reading.DECLINED),
    /** "Transaction exceeds per transaction limit for card" [R][O][D]. */
    ABOVE_CARD_LIMIT("106", Reading.DECLINED),
    /** "Transaction exceeds cycle limit for card" [R][O][D]. */
    ABOVE_CARD_CYCLE_LIMIT("107", Reading.DECLINED),
    /** "Authorization of customer registration required" [R][O][D]. */
    REGISTRATION_NOT_AUTHORISED("108", Reading.DECLINED),
    /**
     * "Invalid value for &lt;field name&gt;." [R][O][D], Failed in [R][D]: JazzCash refused the request's
     * values (the customer's mobile number or CNIC digits, an amount above what is left to refund).
     */
    INVALID_VALUE("110", Reading.DECLINED),
    /** "Transaction Cancelled by User." [R][O][D], Failed in [R][D]. */
    CANCELLED_BY_USER("112", Reading.DECLINED),
    /**
     * "Transaction Expired" [R][O][D]: the transaction ended unpaid (the SPI counts "expired" as Failed). Not
     * a duplicate reference, which JazzCash's list has no code for.
     */
    EXPIRED("116", Reading.DECLINED),
    /** "Transaction is dropped." [O][D], Dropped in [D]; [W] dropped. */
    DROPPED("129", Reading.DECLINED),
    /**
     * "Transaction has timed out" [O][D]; [W] gives it its own "time out" order state, and the transaction
     * is over unpaid (the customer did not approve in time).
     */
    TIMED_OUT("134", Reading.DECLINED),
    /** "Invalid BIN was entered for discount" [O][D]. */
    INVALID_DISCOUNT_BIN("135", Reading.DECLINED),
    /** "Your transaction was declined by your bank, please contact your bank" [O][D]. */
    DECLINED_BY_BANK("402", Reading.DECLINED),
    /** "…declined because your card is expired, please use a valid card" [O][D]. */
    CARD_EXPIRED("404", Reading.DECLINED),
    /** "…declined because of insufficient balance in your card" [O][D]. */
    CARD_LOW_BALANCE("405", Reading.DECLINED),
    /** "Your bank does not support internet transactions, please contact your bank" [O][D]. */
    NO_INTERNET_PAYMENTS("408", Reading.DECLINED),
    /** "Transaction declined - do not contact issuer" [O][D]. */
    DECLINED_DO_NOT_CONTACT_ISSUER("409", Reading.DECLINED),
    /** "You have aborted the transaction…" [O][D]. */
    ABORTED("410", Reading.DECLINED),
    /** "Sorry! Your transaction is blocked due to risk, please use any other card and try again" [O][D]. */
    BLOCKED_FOR_RISK("411", Reading.DECLINED),
    /** "You have aborted the transaction…" (second code for the same) [O][D]. */
    ABORTED_AGAIN("412", Reading.DECLINED),
    /** "Sorry! Your transaction was declined, please contact your bank" [O][D]. */
    DECLINED_CONTACT_BANK("414", Reading.DECLINED),
    /** "Your 3D Secure ID verification was failed…" [O][D]. */
    THREE_D_SECURE_FAILED("415", Reading.DECLINED),
    /** "Your CVV verification was failed…" [O][D]. */
    CVV_VERIFICATION_FAILED("416", Reading.DECLINED),
    /** "Your Card is not enrolled in 3D secure…" [O][D]. */
    NOT_ENROLLED_IN_THREE_D_SECURE("419", Reading.DECLINED),
    /** "Your retry limit is exhausted, please contact your bank" [O][D]. */
    RETRY_LIMIT_EXHAUSTED("421", Reading.DECLINED),
    /** "…declined due to address verification failed…" [O][D]. */
    ADDRESS_VERIFICATION_FAILED("423", Reading.DECLINED),
    /** "…declined due to wrong CVV…" [O][D]. */
    WRONG_CVV("424", Reading.DECLINED),
    /** "Transaction declined due to address verification and card security code" [O][D]. */
    ADDRESS_AND_CVV_FAILED("425", Reading.DECLINED),
    /** "Transaction declined due to payment plan, please contact your issuer bank" [O][D]. */
    PAYMENT_PLAN_DECLINED("426", Reading.DECLINED),
    /** "Your transaction has not been processed this time, please try again or contact your issuer bank." [O][D]. */
    NOT_PROCESSED_BY_ISSUER("429", Reading.DECLINED),
    /**
     * "Request_rejected" [O][D]. This and the other 3-D Secure results below (430–448, except the ones read as
     * unknown) come from the authentication step, before the card is charged.
     */
    THREE_D_SECURE_REQUEST_REJECTED("430", Reading.DECLINED),
    /** "Server_failed" [O][D]: 3-D Secure server failed, before authorisation. */
    THREE_D_SECURE_SERVER_FAILED("431", Reading.DECLINED),
    /** "Server_busy" [O][D]: 3-D Secure server busy, before authorisation. */
    THREE_D_SECURE_SERVER_BUSY("432", Reading.DECLINED),
    /** "Not_enrolled_no_error_details" [O][D]. */
    NOT_ENROLLED("433", Reading.DECLINED),
    /** "Not_enrolled_error_details_provided" [O][D]. */
    NOT_ENROLLED_WITH_DETAILS("434", Reading.DECLINED),
    /** "Invalid_directory_server_credentials" [O][D]. */
    INVALID_DIRECTORY_SERVER_CREDENTIALS("438", Reading.DECLINED),
    /** "Error_parsing_check_enrollment_response" [O][D]. */
    ENROLMENT_RESPONSE_UNREADABLE("439", Reading.DECLINED),
    /** "Error_communicating_with_directory_server" [O][D]. */
    DIRECTORY_SERVER_UNREACHABLE("440", Reading.DECLINED),
    /** "Mpi_processing_error" [O][D]. */
    MPI_PROCESSING_ERROR("441", Reading.DECLINED),
    /** "Error_parsing_authentication_response" [O][D]. */
    AUTHENTICATION_RESPONSE_UNREADABLE("442", Reading.DECLINED),
    /** "Invalid_signature_on_authentication_response" [O][D]. */
    AUTHENTICATION_SIGNATURE_INVALID("443", Reading.DECLINED),
    /** "Acs_session_timeout" [O][D]: the customer did not finish 3-D Secure in time. */
    ACS_SESSION_TIMEOUT("444", Reading.DECLINED),
    /** "Authentication_failed" [O][D]. */
    AUTHENTICATION_FAILED("446", Reading.DECLINED),
    /** "Card_does_not_support_3ds" [O][D]. */
    CARD_WITHOUT_THREE_D_SECURE("448", Reading.DECLINED),
    /** "Sorry! Your transaction was declined because of insufficient account balance" [O][D]. */
    ACCOUNT_LOW_BALANCE("453", Reading.DECLINED),

    // ------------------------------------------------------------- the merchant's configuration
    /** "Invalid merchant credentials." [R][O][D], Failed in [R][D]: no request can succeed until fixed. */
    INVALID_MERCHANT_CREDENTIALS("101", Reading.MERCHANT),
    /**
     * "Transaction not allowed on Merchant/Bank." [R][O][D], Failed in [R][D]: the merchant is not enabled
     * for this operation (wallet, voucher, refund) — for a server-to-server call, the shop's setup.
     */
    NOT_ALLOWED_FOR_MERCHANT("111", Reading.MERCHANT),
    /** "Invalid hash received." [R][O][D], Failed in [R][D]: the integrity salt does not match. */
    INVALID_HASH("115", Reading.MERCHANT),
    /**
     * "Transaction not allowed on Sub Merchant" [R][O][D]: the merchant's setup (this plugin sends no
     * sub-merchant).
     */
    NOT_ALLOWED_FOR_SUB_MERCHANT("117", Reading.MERCHANT),

    // ---------------------------------------------------------------------------- maintenance
    /**
     * "Transaction not allowed due to maintenance." [R][O][D], Failed in [R][D]: JazzCash refused to process
     * the request, so sending it again later cannot charge twice — the SPI's "not processed, try again".
     */
    MAINTENANCE("118", Reading.MAINTENANCE),
    /** "Sorry! Transaction is not allowed due to maintenance" [O][D]: as {@link #MAINTENANCE}. */
    MAINTENANCE_AGAIN("127", Reading.MAINTENANCE),

    // ------------------------------------------------------------------------------ not found
    /**
     * "Transaction does not exist" [R][O][D]: as an inquiry's answer, JazzCash has no record of the reference
     * ({@code NotFound}, which the core keeps asking about until the attempt expires). On a refund: nothing
     * to refund.
     */
    DOES_NOT_EXIST("109", Reading.NOT_FOUND),

    // ---------------------------------------------------------------------- refund refusals
    /**
     * "Transaction settlement period lapsed" [R][O][D]: on a refund, the window has passed. What it says about
     * whether a payment was taken is not documented, so elsewhere it is unknown.
     */
    SETTLEMENT_PERIOD_LAPSED("113", Reading.REFUND_REFUSED),
    /** "Sorry! The selected transaction cannot be refunded" [O][D]. */
    CANNOT_BE_REFUNDED("132", Reading.REFUND_REFUSED),
    /** "Multiple partial refunds are not allowed." [O][D] (not in the stored copy of [R]). */
    ONE_PARTIAL_REFUND_ONLY("451", Reading.REFUND_REFUSED),
    /** "Transaction is not eligible for refund." [O][D] (not in the stored copy of [R]). */
    NOT_ELIGIBLE_FOR_REFUND("452", Reading.REFUND_REFUSED),
    /** "Partial refund is not allowed." [O][D] (not in the stored copy of [R]). */
    NO_PARTIAL_REFUND("454", Reading.REFUND_REFUSED),
    /**
     * "Refund cannot be processed as original transaction is not settled yet" [O][D] (not in the stored copy
     * of [R]).
     */
    NOT_SETTLED_YET("455", Reading.REFUND_REFUSED),

    // ------------------------------------------------------------- over, money gone back: not paid
    /**
     * "Reversed" [R][O][D]: the transaction was reversed, so it will not be paid (Failed). As the answer to a
     * payment or a refund it says nothing certain about that request: unknown.
     */
    REVERSED("122", Reading.REVERSED),
    /** "Transaction is Refunded" [O][D]: as {@link #REVERSED}. */
    REFUNDED("131", Reading.REVERSED),

    // --------------------------------------------------- maybe it happened: the inquiry settles it
    /** "Transaction is awaiting Reversal" [R][O][D]: money moved and is on its way back — neither paid nor failed yet. */
    AWAITING_REVERSAL("119", Reading.UNDETERMINED),
    /** "Delivery status cannot be updated" [R][O][D]: not about a payment. */
    DELIVERY_STATUS_NOT_UPDATED("120", Reading.UNDETERMINED),
    /** "Order has been delivered" [O][D]: not about a payment. */
    DELIVERED("125", Reading.UNDETERMINED),
    /** "Transaction is disputed" [O][D]: staff look at it. */
    DISPUTED("126", Reading.UNDETERMINED),
    /** "Awaiting action by scheme on Dispute" [O][D]. */
    DISPUTE_WITH_SCHEME("128", Reading.UNDETERMINED),
    /** "Order locked - another transaction is in progress for this order" [O][D]: possibly ours. */
    ORDER_LOCKED("417", Reading.UNDETERMINED),
    /** "Your transaction was declined due to duplication…" [O][D]: the first of the two may have been charged. */
    DUPLICATE_DECLINED("422", Reading.UNDETERMINED),
    /** "Card_enrolled" [O][D]: a 3-D Secure step, not a result — authorisation may have followed. */
    CARD_ENROLLED("435", Reading.UNDETERMINED),
    /** "Enrollment_status_undetermined_no_error_details" [O][D]: authorisation may have gone ahead without 3-D Secure. */
    ENROLMENT_UNDETERMINED("436", Reading.UNDETERMINED),
    /** "Enrollment_status_undetermined_error_details_provided" [O][D]: as 436. */
    ENROLMENT_UNDETERMINED_WITH_DETAILS("437", Reading.UNDETERMINED),
    /** "Authentication_not_available_no_error_details" [O][D]: authorisation may have gone ahead. */
    AUTHENTICATION_NOT_AVAILABLE("449", Reading.UNDETERMINED),
    /** "Authentication_not_available_error_details_provided" [O][D]: as 449. */
    AUTHENTICATION_NOT_AVAILABLE_WITH_DETAILS("450", Reading.UNDETERMINED),

    /** "Host link down" [R][O][D]: whether the host acted is not said. */
    HOST_LINK_DOWN("055", Reading.SYSTEM),
    /** "Transaction timed out" [R][O][D]: a timeout between JazzCash and the host, the classic "maybe". */
    HOST_TIMED_OUT("058", Reading.SYSTEM),
    /** "Host offline" [R][O][D]. */
    HOST_OFFLINE("062", Reading.SYSTEM),
    /**
     * "System error" [R][O][D]. It does not say that nothing happened, and JazzCash publishes no code for a
     * reused {@code pp_TxnRefNo}, so a payment is never sent again after it: unknown, settled by inquiry.
     */
    SYSTEM_ERROR("199", Reading.SYSTEM),
    /** "Sorry! Your transaction could not be processed at this time, please try again after few minutes." [O][D]. */
    TRY_AGAIN_LATER("401", Reading.SYSTEM),
    /** "Your transaction has timed out, please try again" [O][D]. */
    CARD_TIMED_OUT("403", Reading.SYSTEM),
    /** "…could not be processed at this time due to system error…" [O][D]. */
    CARD_SYSTEM_ERROR("406", Reading.SYSTEM),
    /** "…could not be processed at this time due to internal system error…" [O][D]. */
    CARD_INTERNAL_ERROR("407", Reading.SYSTEM),
    /**
     * "Transaction failed. This response code will be sent when the transaction fails due to some technical
     * issue at PG or Bank’s end." [O][D]; [D] maps it Failed and [W] to a failure, but a technical failure "at
     * the bank's end" can follow a debit, so it is read as unknown here (the sources disagree: the safe one).
     */
    TECHNICAL_FAILURE("999", Reading.SYSTEM);

    /** What a payment request's answer means. */
    enum Start {
        /** Paid there and then (a voucher: issued, since a voucher is never paid when issued). */
        APPROVED,
        /** Accepted, waiting for the customer. */
        PENDING,
        /** A business "no" to this request: nothing was charged. */
        DECLINED,
        /** It may or may not have happened: inquiry settles it. */
        UNKNOWN,
        /** JazzCash refused to process it; the same request may be sent again later. */
        NOT_PROCESSED,
        /** No request can succeed until the operator fixes the configuration. */
        MISCONFIGURED
    }

    /** What a code says about an existing transaction (inquiry's payment code, return, IPN). */
    enum Status {
        PAID, PENDING, FAILED, NOT_FOUND, UNKNOWN
    }

    /** What the inquiry's own code says about the inquiry. */
    enum Inquiry {
        /** The inquiry worked: read the payment's code and status. */
        ANSWERED,
        /** JazzCash has no transaction under this reference. */
        NOT_FOUND,
        /** No inquiry can succeed until the operator fixes the configuration. */
        MISCONFIGURED,
        /** No answer this time: ask again. */
        NOT_ANSWERED,
        /** An answer that does not settle anything. */
        UNKNOWN
    }

    /** What a refund's answer means. */
    enum Refund {
        REFUNDED, PENDING, DECLINED, UNKNOWN, NOT_PROCESSED, MISCONFIGURED
    }

    /** The four readings of one kind of code. */
    private record Reading(Start start, Status status, Inquiry inquiry, Refund refund) {
        static final Reading PAID_000 = new Reading(Start.APPROVED, Status.PAID, Inquiry.ANSWERED, Refund.REFUNDED);
        static final Reading PAID = new Reading(Start.APPROVED, Status.PAID, Inquiry.UNKNOWN, Refund.UNKNOWN);
        static final Reading PENDING = new Reading(Start.PENDING, Status.PENDING, Inquiry.UNKNOWN, Refund.PENDING);
        static final Reading DECLINED = new Reading(Start.DECLINED, Status.FAILED, Inquiry.UNKNOWN, Refund.DECLINED);
        static final Reading DECLINED_MERCHANT_PIN_ON_REFUND = new Reading(Start.DECLINED, Status.FAILED,
                Inquiry.UNKNOWN, Refund.MISCONFIGURED);
        static final Reading MERCHANT = new Reading(Start.MISCONFIGURED, Status.FAILED, Inquiry.MISCONFIGURED,
                Refund.MISCONFIGURED);
        static final Reading MAINTENANCE = new Reading(Start.NOT_PROCESSED, Status.FAILED, Inquiry.NOT_ANSWERED,
                Refund.NOT_PROCESSED);
        static final Reading NOT_FOUND = new Reading(Start.UNKNOWN, Status.NOT_FOUND, Inquiry.NOT_FOUND,
                Refund.DECLINED);
        static final Reading REFUND_REFUSED = new Reading(Start.UNKNOWN, Status.UNKNOWN, Inquiry.UNKNOWN,
                Refund.DECLINED);
        static final Reading REVERSED = new Reading(Start.UNKNOWN, Status.FAILED, Inquiry.UNKNOWN, Refund.UNKNOWN);
        static final Reading UNDETERMINED = new Reading(Start.UNKNOWN, Status.UNKNOWN, Inquiry.UNKNOWN,
                Refund.UNKNOWN);
        static final Reading SYSTEM = new Reading(Start.UNKNOWN, Status.UNKNOWN, Inquiry.NOT_ANSWERED,
                Refund.UNKNOWN);
    }

    private static final Map<String, ResponseCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ResponseCode::code, Function.identity()));

    private final String code;
    private final Reading reading;

    ResponseCode(String code, Reading reading) {
        this.code = code;
        this.reading = reading;
    }

    String code() {
        return code;
    }

    /** The code as JazzCash sent it (surrounding blanks ignored), if it is in the list. */
    static Optional<ResponseCode> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.strip()));
    }

    /** What a payment's answer with this code means; {@link Start#UNKNOWN} for a code not in the list. */
    static Start start(String code) {
        return find(code).map(known -> known.reading.start()).orElse(Start.UNKNOWN);
    }

    /** What this code says about an existing transaction; {@link Status#UNKNOWN} for a code not in the list. */
    static Status status(String code) {
        return find(code).map(known -> known.reading.status()).orElse(Status.UNKNOWN);
    }

    /** What the inquiry's own code says; {@link Inquiry#UNKNOWN} for a code not in the list. */
    static Inquiry inquiry(String code) {
        return find(code).map(known -> known.reading.inquiry()).orElse(Inquiry.UNKNOWN);
    }

    /** What a refund's answer with this code means; {@link Refund#UNKNOWN} for a code not in the list. */
    static Refund refund(String code) {
        return find(code).map(known -> known.reading.refund()).orElse(Refund.UNKNOWN);
    }
}
