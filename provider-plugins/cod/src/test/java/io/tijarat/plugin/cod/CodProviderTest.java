package io.tijarat.plugin.cod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The cash-on-delivery rules: the limit, the currency, the customer's instructions and their language. */
class CodProviderTest {

    private static final Locale URDU = Locale.forLanguageTag("ur-PK");

    private final CodProviderFactory factory = new CodProviderFactory();
    private TestProviderContext context;

    private PaymentProvider provider(Consumer<TestProviderContext.Builder> settings) {
        TestProviderContext.Builder builder = TestProviderContext.builder(factory.descriptor());
        settings.accept(builder);
        context = builder.build();
        return factory.create(context);
    }

    private PaymentProvider provider() {
        return provider(builder -> { });
    }

    private static PaymentRequest order(Money amount, Locale locale) {
        return PaymentRequest.builder().attemptId(SampleRequests.newKey()).orderNumber("1042").amount(amount)
                .description("Order 1042").customer(SampleRequests.customer()).locale(locale).build();
    }

    private static PaymentRequest orderTo(String city, Locale locale) {
        return PaymentRequest.builder().attemptId(SampleRequests.newKey()).orderNumber("1042")
                .amount(Money.pkr(150_000)).description("Order 1042").customer(SampleRequests.customer())
                .locale(locale).deliveryCity(city).build();
    }

    private PaymentProvider onlyIn(String cities) {
        return provider(builder -> builder.property("cities", cities));
    }

    /** With COLLECT_ON_DELIVERY, ApproveOnPhone makes the core hold the order until the customer confirms. */
    private static String confirmation(PaymentOutcome outcome) {
        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, outcome);
        return assertInstanceOf(CustomerAction.ApproveOnPhone.class, pending.next()).instructions();
    }

    private static String instructions(PaymentOutcome outcome) {
        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, outcome);
        return assertInstanceOf(CustomerAction.PayOffline.class, pending.next()).instructions();
    }

    @Test
    void givenNoConfiguration_whenARs1500OrderStarts_thenPendingAndTheCustomerIsToldToPayTheCourierInCash() {
        PaymentOutcome outcome = provider().start(order(Money.pkr(150_000), Locale.ENGLISH));

        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, outcome);
        CustomerAction.PayOffline action = assertInstanceOf(CustomerAction.PayOffline.class, pending.next());
        assertEquals("Pay Rs 1,500 in cash to the courier when your order is delivered. Please keep the exact amount"
                + " ready.", action.instructions());
        assertEquals(Optional.empty(), action.reference(), "the courier collects: there is nothing to quote");
        assertEquals(Optional.empty(), pending.gatewayReference(), "there is no gateway");
    }

    @Test
    void givenAnUrduSpeakingCustomer_whenStarted_thenTheInstructionsAreInUrdu() {
        String text = instructions(provider().start(order(Money.pkr(150_050), URDU)));

        assertTrue(text.startsWith("آرڈر کی ڈیلیوری پر کوریئر کو 1,500.50 روپے نقد ادا کریں"), text);
    }

    @Test
    void givenAnOrderExactlyAtTheDefaultLimit_whenStarted_thenCashOnDeliveryIsOffered() {
        assertInstanceOf(PaymentOutcome.Pending.class, provider().start(order(Money.pkr(5_000_000), Locale.ENGLISH)));
    }

    @Test
    void givenAnOrderOnePaisaAboveTheDefaultLimit_whenStarted_thenDeclinedWithAReasonTheCustomerCanRead() {
        PaymentOutcome outcome = provider().start(order(Money.pkr(5_000_001), Locale.ENGLISH));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("COD_ABOVE_LIMIT", declined.code());
        assertEquals("Cash on delivery is available for orders up to Rs 50,000. Please choose another way to pay.",
                declined.customerMessage());
    }

    @Test
    void givenAnOperatorLimitOfRs25000_whenAnUrduCustomerOrdersMore_thenDeclinedInUrduNamingThatLimit() {
        PaymentProvider provider = provider(builder -> builder.property("max-amount", "2500000"));

        PaymentOutcome outcome = provider.start(order(Money.pkr(2_500_100), URDU));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertTrue(declined.customerMessage().startsWith("کیش آن ڈیلیوری صرف 25,000 روپے تک"), declined.customerMessage());
        assertInstanceOf(PaymentOutcome.Pending.class, provider.start(order(Money.pkr(2_500_000), URDU)));
    }

    @Test
    void givenAnOrderInAnotherCurrency_whenStarted_thenDeclinedRatherThanCompared() {
        PaymentOutcome outcome = provider().start(order(Money.of(1_000, "USD"), Locale.ENGLISH));

        assertEquals("COD_CURRENCY", assertInstanceOf(PaymentOutcome.Declined.class, outcome).code());
    }

    @Test
    void givenCashOnDeliveryOnlyInKarachiAndLahore_whenAnOrderGoesToMultan_thenDeclinedInEnglishWithTheCityCode() {
        PaymentOutcome outcome = onlyIn("Karachi, Lahore").start(orderTo("Multan", Locale.ENGLISH));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("COD_CITY", declined.code());
        assertEquals("Cash on delivery is not available in your city. Please choose another way to pay.",
                declined.customerMessage());
    }

    @Test
    void givenCashOnDeliveryOnlyInKarachi_whenAnUrduSpeakingCustomerOrdersToPeshawar_thenDeclinedInUrdu() {
        PaymentOutcome outcome = onlyIn("Karachi").start(orderTo("Peshawar", URDU));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("COD_CITY", declined.code());
        assertTrue(declined.customerMessage().startsWith("آپ کے شہر میں کیش آن ڈیلیوری دستیاب نہیں ہے"),
                declined.customerMessage());
    }

    @Test
    void givenACityList_whenAnOrderGoesToAListedCityWrittenAnotherWay_thenCashOnDeliveryIsOffered() {
        PaymentProvider provider = onlyIn("karachi, Dera Ghazi Khan, Rahim-Yar Khan");

        for (String city : new String[] {"Karachi", "KARACHI", " karachi ", "Dera Ghazi Khan", "DERA GHAZI KHAN",
                "Rahim Yar Khan", "RahimYarKhan"}) {
            assertInstanceOf(PaymentOutcome.Pending.class, provider.start(orderTo(city, Locale.ENGLISH)), city);
        }
    }

    @Test
    void givenCitiesListedInUrdu_whenTheCoreSendsTheirEnglishNames_thenTheyMatchAndOthersDoNot() {
        PaymentProvider provider = onlyIn("لاہور, اسلام آباد");

        assertInstanceOf(PaymentOutcome.Pending.class, provider.start(orderTo("Lahore", Locale.ENGLISH)));
        assertInstanceOf(PaymentOutcome.Pending.class, provider.start(orderTo("Islamabad", URDU)));
        assertInstanceOf(PaymentOutcome.Pending.class, provider.start(orderTo("لاہور", URDU)),
                "the Urdu name itself, as a customer may type it");
        assertInstanceOf(PaymentOutcome.Pending.class, provider.start(orderTo("\u0644\u0627\u06C1\u0648\u0631", URDU)));
        assertEquals("COD_CITY", assertInstanceOf(PaymentOutcome.Declined.class,
                provider.start(orderTo("Karachi", Locale.ENGLISH))).code());
    }

    @Test
    void givenCitiesListedInEnglish_whenACityArrivesInUrduTypedOnAnArabicKeyboard_thenItStillMatches() {
        // Arabic kaf and yeh (U+0643, U+064A) where Urdu has keheh and Farsi yeh: "کراچی" as an Arabic keyboard types it
        String arabicKeyboardKarachi = "\u0643\u0631\u0627\u0686\u064A";

        assertInstanceOf(PaymentOutcome.Pending.class,
                onlyIn("Karachi").start(orderTo(arabicKeyboardKarachi, URDU)));
    }

    @Test
    void givenACityListButARequestWithoutADeliveryCity_whenStarted_thenCashOnDeliveryIsOffered() {
        PaymentRequest noCity = order(Money.pkr(150_000), Locale.ENGLISH);

        assertEquals(Optional.empty(), noCity.deliveryCity());
        assertInstanceOf(PaymentOutcome.Pending.class, onlyIn("Karachi").start(noCity),
                "a request that does not say where the parcel goes is decided without it");
    }

    @Test
    void givenNoCityList_whenAnOrderGoesAnywhere_thenCashOnDeliveryIsOffered() {
        assertInstanceOf(PaymentOutcome.Pending.class, provider().start(orderTo("Skardu", Locale.ENGLISH)));
    }

    @Test
    void givenACityListAndAnOrderAboveTheLimitToAnotherCity_whenStarted_thenTheCityIsTheReasonGiven() {
        PaymentRequest big = PaymentRequest.builder().attemptId(SampleRequests.newKey()).orderNumber("1042")
                .amount(Money.pkr(9_000_000)).description("Order 1042").customer(SampleRequests.customer())
                .deliveryCity("Multan").build();

        assertEquals("COD_CITY", assertInstanceOf(PaymentOutcome.Declined.class, onlyIn("Karachi").start(big)).code(),
                "no point telling a customer in a city without COD to order less");
    }

    @Test
    void givenPhoneConfirmation_whenStarted_thenTheOrderWaitsForTheCustomerWhoIsToldTheShopWillCall() {
        PaymentProvider provider = provider(builder -> builder.property("phone-confirmation", "true"));

        String english = confirmation(provider.start(order(Money.pkr(150_000), Locale.ENGLISH)));
        String urdu = confirmation(provider.start(order(Money.pkr(150_000), URDU)));

        assertTrue(english.endsWith("We will call you to confirm your order before we send it."), english);
        assertTrue(urdu.endsWith("آرڈر بھیجنے سے پہلے ہم تصدیق کے لیے آپ کو فون کریں گے۔"), urdu);
    }

    @Test
    void givenNoPhoneConfirmation_whenStarted_thenNoCallIsPromised() {
        String text = instructions(provider().start(order(Money.pkr(150_000), Locale.ENGLISH)));

        assertFalse(text.contains("call"), text);
    }

    @Test
    void givenACodAttempt_whenTheCoreAsksHowLongItStaysPayable_thenLongEnoughForDeliveryAndRemittance() {
        assertEquals(Duration.ofDays(30), provider().attemptExpiresAfter());
    }

    @Test
    void givenAStartedAttempt_whenTheLogIsRead_thenItNamesTheAttemptAndNothingAboutTheCustomer() {
        IdempotencyKey attemptId = SampleRequests.newKey();

        provider().start(SampleRequests.payment(attemptId));

        assertTrue(context.recordingLogger().contains("attempt=" + attemptId), context.recordingLogger().lines()::toString);
        assertFalse(context.recordingLogger().contains("Ayesha"));
        assertFalse(context.recordingLogger().contains(SampleRequests.PHONE.value()));
    }

    @Test
    void givenTheDescriptor_whenRead_thenOnlyCollectOnDeliveryAndTheDocumentedPropertiesAndDefaults() {
        ProviderDescriptor descriptor = factory.descriptor();

        assertEquals("Cash on delivery", descriptor.displayName());
        assertEquals(Set.of(PaymentCapability.COLLECT_ON_DELIVERY), descriptor.capabilities(),
                "no inquiry, refund, void or callbacks: there is no gateway");
        assertEquals(Map.of("max-amount", Optional.of("5000000"), "cities", Optional.empty(),
                        "phone-confirmation", Optional.of("false")),
                descriptor.configProperties().stream()
                        .collect(Collectors.toMap(ConfigProperty::name, ConfigProperty::defaultValue)));
    }
}
