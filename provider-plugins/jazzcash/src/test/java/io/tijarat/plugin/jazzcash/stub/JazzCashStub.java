package io.tijarat.plugin.jazzcash.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for JazzCash's API on {@code 127.0.0.1}, for tests and for a developer's machine. It answers
 * with JazzCash's published response codes and texts ({@link StubCodes}).
 *
 * <p>It behaves like JazzCash where it matters to a plugin:
 * <ul>
 *   <li>every request's {@code pp_SecureHash} is verified (non-empty {@code pp_*}/{@code ppmpf_*} fields in
 *       ASCII order of their names, salt first, HMAC-SHA256, upper-case hex); a wrong one is answered
 *       {@code 115}, unsigned, as is an unknown merchant or password ({@code 101});</li>
 *   <li>answers are signed the same way (with {@link #signAnswersWith another salt} to test a mismatch), in
 *       the {@code pp_} shape or, with {@link #answerUnprefixed}, in the newer unprefixed one
 *       ({@code responseCode}, {@code responseMessage}, {@code secureHash});</li>
 *   <li>a {@code pp_TxnRefNo} is recorded once. JazzCash publishes no code for a reused reference; the stub
 *       answers a repeat {@code 110} "Invalid value for pp_TxnRefNo." and changes nothing;</li>
 *   <li>amounts are paisa, timestamps {@code yyyyMMddHHmmss}, a wallet needs {@code 03XXXXXXXXX} and six CNIC
 *       digits ({@code 110} otherwise);</li>
 *   <li>outcomes are chosen by the test: success, decline, pending, MPIN timeout (answers {@code 134} "timed
 *       out" after {@link #mpinWait}), system error ({@code 199}, not processed), gateway error ({@code 999},
 *       but charged), or the firewall's HTML page with status 200; answers can be delayed;</li>
 *   <li>any published code can be answered: to every payment ({@link #answerPaymentsWith}), inquiry or refund,
 *       or to one reference only ({@link #answerStartWith}, {@link #answerInquiryWith},
 *       {@link #answerRefundWith}); and a transaction can be moved to any code later ({@link #report}), which
 *       the inquiry ({@code pp_PaymentResponseCode}, {@code pp_Status}) and the return and IPN then report;</li>
 *   <li>it keeps a ledger, so inquiry reports what happened (also after a lost answer), refunds check what
 *       was paid, vouchers can be paid later, and the return POST and IPN can be built, signed, for any
 *       transaction.</li>
 * </ul>
 * Endpoints: {@value #WALLET_PATH}, {@value #VOUCHER_PATH}, {@value #INQUIRY_PATH}, {@value #REFUND_PATH},
 * {@value #CARD_REFUND_PATH},
 * and the hosted page {@value #HOSTED_PATH}, which shows three buttons (pay, decline, voucher) and then
 * posts the signed result to {@code pp_ReturnURL}.
 *
 * <p>Run it by hand with {@link #main}; see the module README. While it runs, {@code POST
 * /__stub/payment-code/<code>} makes payments answer a code ({@code none} to stop) and {@code POST
 * /__stub/report/<reference>/<code>} moves a transaction. Thread-safe.
 */
public final class JazzCashStub implements AutoCloseable {

    public static final String WALLET_PATH = "/ApplicationAPI/API/2.0/Purchase/DoMWalletTransaction";
    public static final String VOUCHER_PATH = "/ApplicationAPI/API/Payment/DoTransaction";
    public static final String INQUIRY_PATH = "/ApplicationAPI/API/PaymentInquiry/Inquire";
    /** The wallet refund API (with the merchant MPIN); refunds MWALLET payments only. */
    public static final String REFUND_PATH = "/ApplicationAPI/API/Purchase/domwalletrefundtransaction";
    /** The card refund API (no MPIN); refunds card (MPAY) payments only. */
    public static final String CARD_REFUND_PATH = "/ApplicationAPI/API/authorize/Refund";
    public static final String HOSTED_PATH = "/CustomerPortal/transactionmanagement/merchantform/";
    /** Where the stub's checkout page posts the customer's choice (the stub's own, not JazzCash's). */
    public static final String CHECKOUT_DONE_PATH = "/stub/checkout/done";

    /** The port {@link #main} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8089;

    private static final String LOOPBACK = "127.0.0.1";

    /** How the stub answers payment requests (the firewall page and system error apply to every endpoint). */
    public enum Outcome {
        /** Wallet: 000, paid. Voucher: 124, issued. */
        SUCCESS,
        /** The {@link #declineCode decline code} (004 "Low balance" unless set). */
        DECLINE,
        /** 124: waiting for the customer. */
        PENDING,
        /** 134 "Transaction has timed out" after {@link #mpinWait}: the customer never entered the MPIN. */
        MPIN_TIMEOUT,
        /** 199 on every endpoint: not processed, nothing recorded. */
        SYSTEM_ERROR,
        /** 999, although the payment went through: the "maybe it happened" case. */
        GATEWAY_ERROR,
        /** JazzCash's firewall: HTTP 200 with an HTML "Request Rejected" page, on every endpoint. */
        HTML_FIREWALL
    }

    /**
     * The merchant the stub knows.
     *
     * @param merchantId    {@code pp_MerchantID}
     * @param password      {@code pp_Password}
     * @param integritySalt the hash key
     * @param merchantMpin  {@code pp_MerchantMPIN}, for refunds
     */
    public record Credentials(String merchantId, String password, String integritySalt, String merchantMpin) {
        public Credentials {
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(integritySalt, "integritySalt");
            Objects.requireNonNull(merchantMpin, "merchantMpin");
        }

        /** Sandbox-shaped test values (never JazzCash's). */
        public static Credentials sandbox() {
            return new Credentials("MC10042", "stubpass42", "0F5DAE6G9H", "1234");
        }
    }

    final ConcurrentMap<String, StubTransaction> ledger = new ConcurrentHashMap<>();
    volatile Outcome outcome = Outcome.SUCCESS;
    volatile String declineCode = "004";
    volatile String forcedPaymentCode;
    volatile String forcedInquiryCode;
    volatile String forcedRefundCode;
    final ConcurrentMap<String, String> startCodes = new ConcurrentHashMap<>();
    final ConcurrentMap<String, String> inquiryCodes = new ConcurrentHashMap<>();
    final ConcurrentMap<String, String> refundCodes = new ConcurrentHashMap<>();
    volatile boolean unprefixed;
    volatile Duration delay = Duration.ZERO;
    volatile Duration jitter = Duration.ZERO;
    volatile int stallPercent;
    volatile Duration stall = Duration.ofSeconds(80);
    volatile Duration mpinWait = Duration.ofMillis(100);
    volatile String answerSalt;
    volatile boolean amountsAsNumbers;

    private final Credentials credentials;
    private final AtomicLong rrns = new AtomicLong(250_303_000_000L);
    private final WireMockServer server;

    /** The most requests the stub remembers for tests' checks; older ones are dropped. */
    static final int JOURNAL_ENTRIES = 10_000;

    private JazzCashStub(Credentials credentials, int port) {
        this.credentials = credentials;
        this.answerSalt = credentials.integritySalt();
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress(LOOPBACK)
                // WireMock keeps every request by default: a stub serving a benchmark for half an hour grew to
                // 550 MB and slowed. Tests look at far fewer than this.
                .maxRequestJournalEntries(JOURNAL_ENTRIES)
                .extensions(new StubBehaviour(this));
        this.server = new WireMockServer(port == 0 ? options.dynamicPort() : options.port(port));
        server.stubFor(any(urlPathMatching("/.*")).atPriority(10)
                .willReturn(aResponse().withTransformers(StubBehaviour.NAME)));
    }

    /** Starts a stub on 127.0.0.1, on a free port, for {@link Credentials#sandbox()}. */
    public static JazzCashStub start() {
        return start(Credentials.sandbox(), 0);
    }

    /** Starts a stub on 127.0.0.1 for {@code credentials}, on {@code port} (0: a free one). */
    public static JazzCashStub start(Credentials credentials, int port) {
        JazzCashStub stub = new JazzCashStub(credentials, port);
        stub.server.start();
        return stub;
    }

    // ------------------------------------------------------------------------------------------ reading

    /** {@code http://127.0.0.1:<port>}: the plugin's {@code base-url}. */
    public URI baseUrl() {
        return URI.create("http://" + LOOPBACK + ":" + server.port());
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The WireMock server, for a test's own checks and stubs. */
    public WireMockServer server() {
        return server;
    }

    /** What the stub knows about a reference. */
    public Optional<StubTransaction> transaction(String reference) {
        return Optional.ofNullable(ledger.get(reference));
    }

    /** The fields of every request to {@code path}, oldest first (JSON bodies, or forms for the hosted page). */
    public List<Map<String, String>> requestsTo(String path) {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(request -> URI.create(request.getUrl()).getPath().equals(path))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(request -> path.equals(HOSTED_PATH) ? StubBehaviour.form(request.getBodyAsString())
                        : StubBehaviour.json(request.getBodyAsString()))
                .toList();
    }

    // ------------------------------------------------------------------------------------ configuring

    /** How payment requests are answered from now on. */
    public JazzCashStub outcome(Outcome outcome) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        return this;
    }

    /** The code a {@link Outcome#DECLINE} answers with, e.g. {@code "002"}. */
    public JazzCashStub declineCode(String code) {
        this.declineCode = Objects.requireNonNull(code, "code");
        return this;
    }

    /** Wallet and voucher requests get exactly this code (signed), whatever the outcome; {@code null} to stop. */
    public JazzCashStub answerPaymentsWith(String code) {
        this.forcedPaymentCode = code;
        return this;
    }

    /** Inquiries get exactly this code (signed, without a status); {@code null} to stop. */
    public JazzCashStub answerInquiriesWith(String code) {
        this.forcedInquiryCode = code;
        return this;
    }

    /** Refunds get exactly this code (signed) after the MPIN check; {@code null} to stop. */
    public JazzCashStub answerRefundsWith(String code) {
        this.forcedRefundCode = code;
        return this;
    }

    /**
     * The payment start for this {@code pp_TxnRefNo} gets exactly this code (signed), whatever the outcome, and
     * the transaction is recorded with it (unless the code says nothing was processed), so that the inquiry
     * reports it too.
     */
    public JazzCashStub answerStartWith(String reference, String code) {
        startCodes.put(Objects.requireNonNull(reference, "reference"), Objects.requireNonNull(code, "code"));
        return this;
    }

    /** Inquiries about this {@code pp_TxnRefNo} get exactly this code as their own (signed, without a status). */
    public JazzCashStub answerInquiryWith(String reference, String code) {
        inquiryCodes.put(Objects.requireNonNull(reference, "reference"), Objects.requireNonNull(code, "code"));
        return this;
    }

    /** Refunds of this {@code pp_TxnRefNo} get exactly this code (signed) after the MPIN check. */
    public JazzCashStub answerRefundWith(String reference, String code) {
        refundCodes.put(Objects.requireNonNull(reference, "reference"), Objects.requireNonNull(code, "code"));
        return this;
    }

    /** Answers in the newer unprefixed shape ({@code responseCode}, …, {@code secureHash}), or not. */
    public JazzCashStub answerUnprefixed(boolean unprefixedNames) {
        this.unprefixed = unprefixedNames;
        return this;
    }

    /** Every answer comes this late. */
    public JazzCashStub delayAnswers(Duration delay) {
        this.delay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /**
     * A bad network: each answer comes up to {@code jitter} later than the delay (uniformly), and
     * {@code stallPercent} % of them another {@code stall} later — past the plugin's budget, so the server sees
     * no answer although the stub has done the work (a "maybe it happened" that inquiry settles).
     */
    public JazzCashStub badNetwork(Duration jitter, int stallPercent, Duration stall) {
        if (stallPercent < 0 || stallPercent > 100) {
            throw new IllegalArgumentException("stall percent is 0 to 100");
        }
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.stall = Objects.requireNonNull(stall, "stall");
        this.stallPercent = stallPercent;
        return this;
    }

    /** How long a {@link Outcome#MPIN_TIMEOUT} waits before answering 134 (on top of any delay). */
    public JazzCashStub mpinWait(Duration wait) {
        this.mpinWait = Objects.requireNonNull(wait, "wait");
        return this;
    }

    /** Signs answers with {@code salt} instead of the merchant's: as if someone else answered. */
    public JazzCashStub signAnswersWith(String salt) {
        this.answerSalt = Objects.requireNonNull(salt, "salt");
        return this;
    }

    /** Writes {@code pp_Amount} as a JSON number in answers, a quirk integrations meet. */
    public JazzCashStub amountsAsNumbers(boolean numbers) {
        this.amountsAsNumbers = numbers;
        return this;
    }

    // ------------------------------------------------------------------------------- moving the ledger

    /** The customer paid the voucher at a shop: inquiry now reports it Completed. */
    public void payVoucher(String reference) {
        report(reference, "000");
    }

    /** The voucher (or a pending payment) lapsed: inquiry reports it Dropped (129). */
    public void drop(String reference) {
        report(reference, "129");
    }

    /**
     * The transaction now stands at {@code code} — the customer approved after a 157 (000), JazzCash reversed
     * it (122), … — with the {@code pp_Status} JazzCash's list gives that code: what the inquiry and the return
     * and IPN report from now on.
     *
     * @throws IllegalArgumentException if the stub has no such transaction
     */
    public void report(String reference, String code) {
        Objects.requireNonNull(code, "code");
        if (ledger.computeIfPresent(reference, (ref, txn) -> txn.settled(StubCodes.status(code), code)) == null) {
            throw new IllegalArgumentException("the stub has no transaction " + reference);
        }
    }

    /** The customer's choice on the stub's hosted page. */
    Optional<StubTransaction> settleHosted(String reference, String choice) {
        return Optional.ofNullable(ledger.computeIfPresent(reference, (ref, txn) -> switch (choice) {
            case "pay" -> txn.settled(StubTransaction.COMPLETED, "000").chosen(txn.type().isEmpty() ? "MWALLET"
                    : txn.type());
            case "decline" -> txn.settled(StubCodes.status(declineCode), declineCode);
            case "voucher" -> txn.settled(StubTransaction.PENDING, "124").chosen("OTC");
            default -> txn;
        }));
    }

    String nextRrn() {
        return Long.toString(rrns.incrementAndGet());
    }

    // --------------------------------------------------------------------------------------- callbacks

    /**
     * The signed fields JazzCash posts to the return URL and the IPN URL for a transaction, as it stands
     * now: {@code pp_ResponseCode} is its payment code (000 paid, 124 voucher waiting, a decline code, or what
     * {@link #report} set).
     */
    public Map<String, String> callbackFields(String reference) {
        StubTransaction txn = transaction(reference).orElseThrow(() ->
                new IllegalArgumentException("the stub has no transaction " + reference));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_Amount", Long.toString(txn.amount()));
        fields.put("pp_AuthCode", "000".equals(txn.code()) ? txn.rrn().substring(6) : "");
        fields.put("pp_BillReference", txn.billReference());
        fields.put("pp_Language", "EN");
        fields.put("pp_MerchantID", credentials.merchantId());
        fields.put("pp_ResponseCode", txn.code());
        fields.put("pp_ResponseMessage", StubCodes.text(txn.code()));
        fields.put("pp_RetreivalReferenceNo", txn.rrn());
        fields.put("pp_SubMerchantId", "");
        fields.put("pp_TxnCurrency", "PKR");
        fields.put("pp_TxnDateTime", txn.txnDateTime());
        fields.put("pp_TxnRefNo", txn.reference());
        fields.put("pp_TxnType", txn.type());
        fields.put("pp_Version", "1.1");
        for (int i = 1; i <= 5; i++) {
            fields.put("ppmpf_" + i, "");
        }
        return StubHash.signed(credentials.integritySalt(), fields);
    }

    /** {@link #callbackFields} as the {@code application/x-www-form-urlencoded} body JazzCash posts. */
    public String callbackBody(String reference) {
        return formBody(callbackFields(reference));
    }

    /** Fields as a form body, in their order. */
    public static String formBody(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "JazzCashStub[" + (server.isRunning() ? baseUrl() : "stopped") + ", merchant "
                + credentials.merchantId() + "]";
    }

    // -------------------------------------------------------------------------------------------- main

    /**
     * Runs the stub until the process is stopped. Options: {@code --port N} (default {@value #DEFAULT_PORT};
     * 0 for a free one), {@code --merchant-id}, {@code --password}, {@code --integrity-salt},
     * {@code --merchant-mpin} (defaults: {@link Credentials#sandbox()}), {@code --outcome} (an
     * {@link Outcome}, default SUCCESS), {@code --delay-ms}, {@code --jitter-ms}, {@code --stall-percent} and
     * {@code --stall-ms} (see {@link #badNetwork}), {@code --payment-code} (every payment answers this
     * published code, e.g. 157), {@code --unprefixed true} (answers in the unprefixed shape).
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        Credentials defaults = Credentials.sandbox();
        Credentials credentials = new Credentials(options.getOrDefault("merchant-id", defaults.merchantId()),
                options.getOrDefault("password", defaults.password()),
                options.getOrDefault("integrity-salt", defaults.integritySalt()),
                options.getOrDefault("merchant-mpin", defaults.merchantMpin()));
        JazzCashStub stub = start(credentials, Integer.parseInt(options.getOrDefault("port",
                Integer.toString(DEFAULT_PORT))));
        stub.outcome(Outcome.valueOf(options.getOrDefault("outcome", "SUCCESS")));
        stub.delayAnswers(Duration.ofMillis(Long.parseLong(options.getOrDefault("delay-ms", "0"))));
        stub.badNetwork(Duration.ofMillis(Long.parseLong(options.getOrDefault("jitter-ms", "0"))),
                Integer.parseInt(options.getOrDefault("stall-percent", "0")),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("stall-ms", "80000"))));
        stub.answerPaymentsWith(options.get("payment-code"));
        stub.answerUnprefixed(Boolean.parseBoolean(options.getOrDefault("unprefixed", "false")));
        Runtime.getRuntime().addShutdownHook(new Thread(stub::close, "jazzcash-stub-stop"));
        String key = "tijarat.provider.jazzcash.";
        System.out.println("JazzCash stub listening on " + stub.baseUrl() + " (127.0.0.1 only), answering "
                + (stub.forcedPaymentCode != null ? "code " + stub.forcedPaymentCode : stub.outcome)
                + (stub.unprefixed ? " (unprefixed answers)" : "") + ". Point Tijarat at it (the server must run with tijarat.mode=dev or test):\n"
                + "  " + key + "base-url=" + stub.baseUrl() + "\n"
                + "  " + key + "mode=sandbox\n"
                + "  " + key + "merchant-id=" + credentials.merchantId() + "\n"
                + "  " + key + "password=" + credentials.password() + "\n"
                + "  " + key + "integrity-salt=" + credentials.integritySalt() + "\n"
                + "  " + key + "merchant-mpin=" + credentials.merchantMpin() + "\n"
                + "Change what payments get: curl -X POST " + stub.baseUrl() + "/__stub/payment-code/157 (none to"
                + " stop); move a transaction: curl -X POST " + stub.baseUrl() + "/__stub/report/<reference>/000\n"
                + "Stop it with Ctrl-C.");
        new CountDownLatch(1).await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: JazzCashStub [--port N] [--merchant-id ID] [--password P]"
                        + " [--integrity-salt S] [--merchant-mpin M] [--outcome SUCCESS|DECLINE|PENDING|MPIN_TIMEOUT|"
                        + "SYSTEM_ERROR|GATEWAY_ERROR|HTML_FIREWALL] [--delay-ms N] [--jitter-ms N] [--stall-percent P] [--stall-ms N] [--payment-code NNN]"
                        + " [--unprefixed true|false]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
