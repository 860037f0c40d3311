package io.tijarat.plugin.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestClock;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the customer is told to do, in which language, until when; and what is refused. */
class BankTransferProviderTest {

    private static final Locale URDU = Locale.forLanguageTag("ur-PK");
    private static final String ORDER = "TJ-AB12-CD34";
    /** Check digits computed by hand (see IbanTest). */
    private static final String IBAN = "PK56MEZN0001234567890123";
    private static final String IBAN_AS_PRINTED = "PK56 MEZN 0001 2345 6789 0123";

    private final BankTransferProviderFactory factory = new BankTransferProviderFactory();
    private TestProviderContext context;

    private PaymentProvider provider(Consumer<TestProviderContext.Builder> settings) {
        TestProviderContext.Builder builder = TestProviderContext.builder(factory.descriptor())
                .property("account-title", "Tijarat Traders")
                .property("bank-name", "Meezan Bank")
                .property("iban", IBAN);
        settings.accept(builder);
        context = builder.build();
        return factory.create(context);
    }

    private PaymentProvider provider() {
        return provider(builder -> { });
    }

    private static PaymentRequest order(String orderNumber, Money amount, Locale locale) {
        return PaymentRequest.builder().attemptId(SampleRequests.newKey()).orderNumber(orderNumber).amount(amount)
                .description("Order " + orderNumber).customer(SampleRequests.customer()).locale(locale).build();
    }

    private static PaymentRequest order(Money amount, Locale locale) {
        return order(ORDER, amount, locale);
    }

    private static CustomerAction.PayOffline payOffline(PaymentOutcome outcome) {
        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, outcome);
        return assertInstanceOf(CustomerAction.PayOffline.class, pending.next());
    }

    private static String instructions(PaymentOutcome outcome) {
        return payOffline(outcome).instructions();
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "missing '" + part + "' in:\n" + text);
        }
    }

    @Test
    void givenARs1250Order_whenStarted_thenPendingAndTheCustomerIsToldWhereToPayAndWhatToQuote() {
        PaymentOutcome outcome = provider().start(order(Money.pkr(125_000), Locale.ENGLISH));

        CustomerAction.PayOffline action = payOffline(outcome);
        assertEquals(Optional.of(ORDER), action.reference(), "staff match the statement by the order number");
        assertContains(action.instructions(), "Rs 1,250.00", "Meezan Bank", "Tijarat Traders", IBAN_AS_PRINTED, ORDER);
        assertEquals(Optional.empty(), ((PaymentOutcome.Pending) outcome).gatewayReference(), "there is no gateway");
    }

    @Test
    void givenAnUrduSpeakingCustomer_whenStarted_thenTheInstructionsAreInUrduWithTheSameDetails() {
        String text = instructions(provider().start(order(Money.pkr(125_050), URDU)));

        assertTrue(text.startsWith("براہِ کرم 1,250.50 روپے"), text);
        assertContains(text, IBAN_AS_PRINTED, ORDER, "Meezan Bank", "Tijarat Traders", "پاکستانی وقت");
        assertFalse(text.contains("Please"), text);
    }

    @Test
    void givenAnAmountBelowOneRupee_whenStarted_thenThePaisaAreShownExactly() {
        assertContains(instructions(provider().start(order(Money.pkr(5), Locale.ENGLISH))), "Rs 0.05 ");
    }

    @Test
    void givenNoAccountNumberOrBranch_whenStarted_thenNeitherIsMentioned() {
        String text = instructions(provider().start(order(Money.pkr(125_000), Locale.ENGLISH)));

        assertFalse(text.contains("Account number"), text);
        assertFalse(text.contains("Branch"), text);
    }

    @Test
    void givenAnAccountNumberAndBranch_whenStarted_thenBothLanguagesShowThem() {
        PaymentProvider provider = provider(builder -> builder.property("account-number", "0101-0123456789")
                .property("branch", "Clifton Block 5, Karachi"));

        String english = instructions(provider.start(order(Money.pkr(125_000), Locale.ENGLISH)));
        String urdu = instructions(provider.start(order(Money.pkr(125_000), URDU)));

        assertContains(english, "Account number: 0101-0123456789", "Branch: Clifton Block 5, Karachi");
        assertContains(urdu, "اکاؤنٹ نمبر: 0101-0123456789", "برانچ: Clifton Block 5, Karachi");
    }

    @Test
    void givenTwoOrders_whenStarted_thenEachCustomerQuotesTheirOwnOrderNumber() {
        PaymentProvider provider = provider();

        CustomerAction.PayOffline first = payOffline(provider.start(order("TJ-AAAA-1111", Money.pkr(100), Locale.ENGLISH)));
        CustomerAction.PayOffline second = payOffline(provider.start(order("TJ-BBBB-2222", Money.pkr(100), Locale.ENGLISH)));

        assertEquals(Optional.of("TJ-AAAA-1111"), first.reference());
        assertEquals(Optional.of("TJ-BBBB-2222"), second.reference());
        assertFalse(second.instructions().contains("TJ-AAAA-1111"), second.instructions());
    }

    @Test
    void givenOrdersInAnotherCurrency_whenStarted_thenDeclinedWithAReasonInTheCustomersLanguage() {
        PaymentOutcome.Declined english = assertInstanceOf(PaymentOutcome.Declined.class,
                provider().start(order(Money.of(1_000, "USD"), Locale.ENGLISH)));
        PaymentOutcome.Declined urdu = assertInstanceOf(PaymentOutcome.Declined.class,
                provider().start(order(Money.of(1_000, "USD"), URDU)));

        assertEquals("BT_CURRENCY", english.code());
        assertEquals("BT_CURRENCY", urdu.code());
        assertContains(english.customerMessage(), "Pakistani rupees");
        assertContains(urdu.customerMessage(), "پاکستانی روپے");
    }

    @Test
    void givenNoExpirySetting_whenTheCoreAsksHowLongTheAttemptStaysPayable_thenThreeDays() {
        assertEquals(Duration.ofHours(72), provider().attemptExpiresAfter());
    }

    @Test
    void givenAnExpiryOf24Hours_whenTheCoreAsks_thenTheAttemptStaysPayableForADay() {
        assertEquals(Duration.ofDays(1), provider(builder -> builder.property("expiry-hours", "24"))
                .attemptExpiresAfter());
    }

    @Test
    void givenCheckoutAt0905Utc_whenStarted_thenTheDeadlineIsThreeDaysLaterInPakistanTimeWithoutSeconds() {
        PaymentProvider provider = provider(builder -> builder.clock(TestClock.at(Instant.parse("2026-11-25T09:05:59Z"))));

        String english = instructions(provider.start(order(Money.pkr(125_000), Locale.ENGLISH)));
        String urdu = instructions(provider.start(order(Money.pkr(125_000), URDU)));

        // 09:05 UTC is 14:05 in Karachi (UTC+5, no daylight saving); 59 s are dropped, never rounded up.
        assertContains(english, "28 Nov 2026, 14:05 PKT");
        assertContains(urdu, "28 نومبر 2026، 14:05");
    }

    @Test
    void givenAClockInUtcAndAnExpiryOf5Hours_whenStartedJustBeforeMidnightInKarachi_thenTheDeadlineIsKarachisNextDay() {
        TestClock utc = (TestClock) TestClock.at(Instant.parse("2026-12-31T18:30:00Z")).withZone(ZoneOffset.UTC);
        PaymentProvider provider = provider(builder -> builder.clock(utc).property("expiry-hours", "5"));

        assertContains(instructions(provider.start(order(Money.pkr(125_000), Locale.ENGLISH))), "1 Jan 2027, 04:30 PKT");
    }

    @Test
    void givenTheClockMoves_whenTheSameOrderStartsAgain_thenOnlyTheDeadlineChanges() {
        PaymentProvider provider = provider();
        PaymentRequest request = order(Money.pkr(125_000), Locale.ENGLISH);

        String before = instructions(provider.start(request));
        context.testClock().advance(Duration.ofDays(1));
        String after = instructions(provider.start(request));

        assertContains(before, "Please pay by 6 Mar 2025, 10:00 PKT");
        assertContains(after, "Please pay by 7 Mar 2025, 10:00 PKT");
        assertEquals(before.substring(0, before.indexOf("Please pay by")), after.substring(0, after.indexOf("Please pay by")));
    }

    @Test
    void givenManyOrdersAtOnce_whenStartedFromManyThreads_thenEachGetsItsOwnReference() throws Exception {
        PaymentProvider provider = provider();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String orderNumber = "TJ-" + i;
                Money amount = Money.pkr(10_000 + i);
                answers.add(pool.submit(() -> {
                    go.await();
                    return payOffline(provider.start(order(orderNumber, amount, Locale.ENGLISH)))
                            .reference();
                }));
            }
            go.countDown();
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(Optional.of("TJ-" + i), answers.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenAStartedAttempt_whenTheLogIsRead_thenItNamesTheAttemptAndNothingAboutTheCustomer() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();

        provider.start(SampleRequests.payment(attemptId));

        assertTrue(context.recordingLogger().contains("attempt=" + attemptId), context.recordingLogger().lines()::toString);
        assertFalse(context.recordingLogger().contains("Ayesha"));
        assertFalse(context.recordingLogger().contains(SampleRequests.PHONE.value()));
    }

    @Test
    void givenTheDescriptor_whenRead_thenNoRemoteCapabilitiesAndTheDocumentedPropertiesAndDefaults() {
        ProviderDescriptor descriptor = factory.descriptor();

        assertEquals("Bank transfer", descriptor.displayName());
        assertEquals(Set.of(), descriptor.capabilities(), "no inquiry, refund, void, callbacks or collect on delivery");
        assertEquals(Duration.ofSeconds(5), descriptor.defaultTimeout());
        assertEquals(Map.of("account-title", true, "bank-name", true, "iban", true, "account-number", false,
                        "branch", false, "expiry-hours", false),
                descriptor.configProperties().stream()
                        .collect(Collectors.toMap(ConfigProperty::name, ConfigProperty::required)));
        assertEquals(Optional.of("72"), descriptor.configProperties().stream()
                .filter(property -> property.name().equals("expiry-hours")).findFirst().orElseThrow().defaultValue());
        assertFalse(descriptor.configProperties().stream().anyMatch(ConfigProperty::secret),
                "the account details are shown to every customer");
    }
}
