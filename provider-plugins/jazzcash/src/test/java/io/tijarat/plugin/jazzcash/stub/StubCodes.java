package io.tijarat.plugin.jazzcash.stub;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stub's copy of JazzCash's published response codes: the text JazzCash sends with each, and the
 * {@code pp_Status} an inquiry reports for a transaction left with that code. Kept apart from the plugin's
 * table on purpose (as {@link StubHash} is from the plugin's hash), so that a wrong reading in the plugin is
 * not mirrored by the stub.
 *
 * <p>Texts: JazzCash's Sandbox Documentation, "Resources"
 * (https://payments.jazzcash.com.pk/SandboxDocumentation/Resources.html), as reproduced verbatim in
 * https://github.com/moeen-basra/omnipay-jazzcash (src/Message/AbstractResponse.php) and
 * https://github.com/alihamasdev/jazzcash-docs (content/docs/api/response-codes.mdx). Statuses: JazzCash's
 * "status to be mapped by merchant" column on the same page (000/121 Completed, 124 Pending, 129 Dropped,
 * 101/105/110/111/112/115/118/999 Failed), and 157 Pending as JazzCash's WooCommerce plugin reads it
 * (https://github.com/thekoderslab/jazzcash-payment). For the other codes the list gives no status, and the stub
 * invents none: the inquiry's {@code pp_Status} is empty, as in JazzCash's answers that have none.
 */
public final class StubCodes {

    /** Every published code with JazzCash's text, in the list's order. */
    public static final Map<String, String> TEXTS;

    static {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("000", "Thank you for Using JazzCash, your transaction was successful.");
        texts.put("001", "Limit exceeded");
        texts.put("002", "Account not found");
        texts.put("003", "Account inactive");
        texts.put("004", "Low balance");
        texts.put("014", "Warm card");
        texts.put("015", "Hot card");
        texts.put("016", "Invalid card status");
        texts.put("024", "Bad PIN");
        texts.put("055", "Host link down");
        texts.put("058", "Transaction timed out");
        texts.put("059", "Transaction rejected by host");
        texts.put("060", "PIN retries exhausted");
        texts.put("062", "Host offline");
        texts.put("063", "Destination not found");
        texts.put("066", "No transactions allowed");
        texts.put("067", "Invalid account status");
        texts.put("095", "Transaction rejected");
        texts.put("101", "Invalid merchant credentials.");
        texts.put("102", "Card blocked");
        texts.put("103", "Customer blocked");
        texts.put("104", "BIN not allowed for use on merchant");
        texts.put("105", "Transaction exceeds merchant per transaction limit.");
        texts.put("106", "Transaction exceeds per transaction limit for card");
        texts.put("107", "Transaction exceeds cycle limit for card");
        texts.put("108", "Authorization of customer registration required");
        texts.put("109", "Transaction does not exist");
        texts.put("110", "Invalid value for <field name>.");
        texts.put("111", "Transaction not allowed on Merchant/Bank.");
        texts.put("112", "Transaction Cancelled by User.");
        texts.put("113", "Transaction settlement period lapsed");
        texts.put("115", "Invalid hash received.");
        texts.put("116", "Transaction Expired");
        texts.put("117", "Transaction not allowed on Sub Merchant");
        texts.put("118", "Transaction not allowed due to maintenance.");
        texts.put("119", "Transaction is awaiting Reversal");
        texts.put("120", "Delivery status cannot be updated");
        texts.put("121", "Transaction has been marked confirmed by Merchant.");
        texts.put("122", "Reversed");
        texts.put("124", "Order is placed and waiting for financials to be received over the counter.");
        texts.put("125", "Order has been delivered");
        texts.put("126", "Transaction is disputed");
        texts.put("127", "Sorry! Transaction is not allowed due to maintenance");
        texts.put("128", "Awaiting action by scheme on Dispute");
        texts.put("129", "Transaction is dropped.");
        texts.put("131", "Transaction is Refunded");
        texts.put("132", "Sorry! The selected transaction cannot be refunded");
        texts.put("134", "Transaction has timed out");
        texts.put("135", "Invalid BIN was entered for discount");
        texts.put("157", "Transaction is pending.(for Mwallet and MIgs)");
        texts.put("199", "System error");
        texts.put("200", "Transaction approved – Post authorization");
        texts.put("210", "Authorization pending");
        texts.put("401", "Sorry! Your transaction could not be processed at this time, please try again after few"
                + " minutes.");
        texts.put("402", "Your transaction was declined by your bank, please contact your bank");
        texts.put("403", "Your transaction has timed out, please try again");
        texts.put("404", "Your transaction was declined because your card is expired, please use a valid card");
        texts.put("405", "Your transaction was declined because of insufficient balance in your card");
        texts.put("406", "Sorry! Your transaction could not be processed at this time due to system error, please try"
                + " again after few minutes");
        texts.put("407", "Sorry! Your transaction could not be processed at this time due to internal system error,"
                + " please try again after few minutes");
        texts.put("408", "Your bank does not support internet transactions, please contact your bank");
        texts.put("409", "Transaction declined - do not contact issuer");
        texts.put("410", "You have aborted the transaction, Our team will contact you shortly to assist you or you can"
                + " share your feedback with us via emailing us at :");
        texts.put("411", "Sorry! Your transaction is blocked due to risk, please use any other card and try again");
        texts.put("412", "You have aborted the transaction, Our team will contact you shortly to assist you or you can"
                + " share your feedback with us via emailing us at :");
        texts.put("414", "Sorry! Your transaction was declined, please contact your bank");
        texts.put("415", "Your 3D Secure ID verification was failed, please use correct ID and try again.");
        texts.put("416", "Your CVV verification was failed, please use correct CVV and try again, click the help button"
                + " \"?\" In CVV tab to find out the details of CVV.");
        texts.put("417", "Order locked - another transaction is in progress for this order");
        texts.put("419", "Your Card is not enrolled in 3D secure, please contact your bank and active your 3D secure ID");
        texts.put("421", "Your retry limit is exhausted, please contact your bank");
        texts.put("422", "Your transaction was declined due to duplication, please try again");
        texts.put("423", "Your transaction was declined due to address verification failed, please try again");
        texts.put("424", "Your transaction was declined due to wrong CVV, please try again with correct CVV, click the"
                + " help button \"?\" In CVV tab to find out the details of CVV");
        texts.put("425", "Transaction declined due to address verification and card security code");
        texts.put("426", "Transaction declined due to payment plan, please contact your issuer bank");
        texts.put("429", "Your transaction has not been processed this time, please try again or contact your issuer"
                + " bank.");
        texts.put("430", "Request_rejected");
        texts.put("431", "Server_failed");
        texts.put("432", "Server_busy");
        texts.put("433", "Not_enrolled_no_error_details");
        texts.put("434", "Not_enrolled_error_details_provided");
        texts.put("435", "Card_enrolled");
        texts.put("436", "Enrollment_status_undetermined_no_error_details");
        texts.put("437", "Enrollment_status_undetermined_error_details_provided");
        texts.put("438", "Invalid_directory_server_credentials");
        texts.put("439", "Error_parsing_check_enrollment_response");
        texts.put("440", "Error_communicating_with_directory_server");
        texts.put("441", "Mpi_processing_error");
        texts.put("442", "Error_parsing_authentication_response");
        texts.put("443", "Invalid_signature_on_authentication_response");
        texts.put("444", "Acs_session_timeout");
        texts.put("446", "Authentication_failed");
        texts.put("448", "Card_does_not_support_3ds");
        texts.put("449", "Authentication_not_available_no_error_details");
        texts.put("450", "Authentication_not_available_error_details_provided");
        texts.put("451", "Multiple partial refunds are not allowed.");
        texts.put("452", "Transaction is not eligible for refund.");
        texts.put("453", "Sorry! Your transaction was declined because of insufficient account balance");
        texts.put("454", "Partial refund is not allowed.");
        texts.put("455", "Refund cannot be processed as original transaction is not settled yet");
        texts.put("999", "Transaction failed. This response code will be sent when the transaction fails due to some"
                + " technical issue at PG or Bank’s end.");
        TEXTS = Collections.unmodifiableMap(texts);
    }

    private static final Set<String> COMPLETED = Set.of("000", "121");
    private static final Set<String> PENDING = Set.of("124", "157");
    private static final Set<String> FAILED = Set.of("101", "105", "110", "111", "112", "115", "118", "999");

    /**
     * Refusals before anything is recorded: the merchant's credentials, hash or setup (101, 111, 115, 117), and
     * the refusals that say the request was not processed (118 and 127 maintenance, 199 system error).
     */
    static final Set<String> NOT_RECORDED = Set.of("101", "111", "115", "117", "118", "127", "199");

    private StubCodes() {
    }

    /** JazzCash's text for a code; {@code "Unknown error."} for one not in the list. */
    public static String text(String code) {
        return TEXTS.getOrDefault(code, "Unknown error.");
    }

    /** The {@code pp_Status} an inquiry reports for a transaction left with {@code code}; empty if none. */
    static String status(String code) {
        if (COMPLETED.contains(code)) {
            return StubTransaction.COMPLETED;
        }
        if (PENDING.contains(code)) {
            return StubTransaction.PENDING;
        }
        if ("129".equals(code)) {
            return StubTransaction.DROPPED;
        }
        return FAILED.contains(code) ? StubTransaction.FAILED : "";
    }

    /** Whether a payment answered {@code code} gets a retrieval reference (paid, or waiting for the customer). */
    static boolean accepted(String code) {
        return Set.of("000", "121", "124", "157", "200", "210").contains(code);
    }
}
