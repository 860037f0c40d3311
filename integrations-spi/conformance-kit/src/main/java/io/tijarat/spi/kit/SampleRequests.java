package io.tijarat.spi.kit;

import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.MessageCategory;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.payment.Customer;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.shipping.Parcel;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShippingAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Valid, realistic requests for tests: a Karachi customer, a PKR 1,500 order, an 800 g parcel. The
 * contracts use them unless a plugin's test overrides the sample hooks; plugin tests may use them for
 * their own cases. Stateless and thread-safe.
 */
public final class SampleRequests {

    /** PKR 1,500.00. */
    public static final Money AMOUNT = Money.pkr(150_000);
    /** A Pakistani mobile number in E.164 form (a test number, not a real subscriber's). */
    public static final PhoneNumber PHONE = PhoneNumber.of("+923001234567");
    /** The sample customer's e-mail address. */
    public static final EmailAddress EMAIL = EmailAddress.of("ayesha@example.pk");

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SampleRequests() {
    }

    /** A fresh idempotency key, 16 characters, as the core would generate one. */
    public static IdempotencyKey newKey() {
        StringBuilder key = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        return IdempotencyKey.of(key.toString());
    }

    /** The sample customer, with phone and e-mail. */
    public static Customer customer() {
        return new Customer("Ayesha Khan", Optional.of(PHONE), Optional.of(EMAIL));
    }

    /** A PKR 1,500 payment for order 1042, delivered to Karachi, in English, method ANY. */
    public static PaymentRequest payment(IdempotencyKey attemptId) {
        return PaymentRequest.builder()
                .attemptId(attemptId)
                .orderNumber("1042")
                .amount(AMOUNT)
                .description("Order 1042")
                .customer(customer())
                .locale(Locale.ENGLISH)
                .deliveryCity("Karachi")
                .build();
    }

    /** An inquiry about the {@link #payment} with that attempt id, started at {@code startedAt}. */
    public static InquiryRequest inquiry(IdempotencyKey attemptId, Instant startedAt) {
        return new InquiryRequest(attemptId, Optional.empty(), AMOUNT, startedAt);
    }

    /** A delivery address in {@code city}. */
    public static ShippingAddress consignee(String city) {
        return new ShippingAddress("Ayesha Khan", PHONE, Optional.of(EMAIL), "House 12, Street 4, Block 7", city);
    }

    /** A prepaid 800 g parcel to Karachi, courier's default service. */
    public static ShipmentRequest shipment(IdempotencyKey bookingKey) {
        return ShipmentRequest.builder()
                .bookingKey(bookingKey)
                .orderNumber(orderNumberFor(bookingKey))
                .consignee(consignee("Karachi"))
                .parcel(Parcel.ofGrams(800))
                .contents("2 x cotton shirt")
                .build();
    }

    /**
     * A cash-on-delivery booking of {@code rupees} (whole rupees, as the core sends them), otherwise as
     * {@link #shipment}.
     */
    public static ShipmentRequest codShipment(IdempotencyKey bookingKey, long rupees) {
        return ShipmentRequest.builder()
                .bookingKey(bookingKey)
                .orderNumber(orderNumberFor(bookingKey))
                .consignee(consignee("Karachi"))
                .parcel(Parcel.ofGrams(800))
                .codAmount(Money.pkr(rupees * 100))
                .contents("2 x cotton shirt")
                .build();
    }

    /** The sample booking's reference: an order number, distinct per key so bookings never meet at a stub. */
    public static String orderNumberFor(IdempotencyKey bookingKey) {
        String digits = Integer.toUnsignedString(bookingKey.value().hashCode() & 0x7fffffff);
        return "TJ" + digits;
    }

    /** The price of a parcel of {@code grams} to {@code city}, from the shop's default pickup address. */
    public static RateRequest rate(String city, int grams) {
        return new RateRequest(Optional.empty(), city, Parcel.ofGrams(grams), Optional.empty());
    }

    /**
     * A gateway's or courier's notification as the core hands it to the plugin: {@code POST} to the shop's
     * {@code /api/webhooks/<providerId>}, from {@code 127.0.0.1}, with these headers (one value each) and
     * this body encoded as UTF-8. Sign {@code body} the way the gateway does and put the signature in
     * {@code headers}.
     */
    public static CallbackRequest webhook(String providerId, Map<String, String> headers, String body) {
        return webhook(providerId, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #webhook(String, Map, String)} with a raw body. */
    public static CallbackRequest webhook(String providerId, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        headers.forEach((name, value) -> values.put(name, List.of(value)));
        return new CallbackRequest(CallbackRequest.Source.NOTIFICATION, "POST",
                URI.create("https://shop.example.pk/api/webhooks/" + providerId),
                HttpHeaders.of(values, (name, value) -> true), body, Optional.of("127.0.0.1"));
    }

    /** An order-update SMS to {@link #PHONE}. */
    public static MessageRequest sms(IdempotencyKey eventId) {
        return new MessageRequest(eventId, Channel.SMS, new Recipient.Phone(PHONE), MessageCategory.TRANSACTIONAL,
                MessageContent.sms("Your order 1042 has been dispatched."));
    }

    /**
     * An order update by WhatsApp to {@link #PHONE}: the approved template {@code order_shipped} in English with two
     * parameters (since SPI 1.4).
     */
    public static MessageRequest whatsapp(IdempotencyKey eventId) {
        return new MessageRequest(eventId, Channel.WHATSAPP, new Recipient.Phone(PHONE), MessageCategory.TRANSACTIONAL,
                MessageContent.sms("Your order 1042 has been dispatched. Tracking number: KI7512345678."),
                java.util.Optional.of(new io.tijarat.spi.notification.MessageTemplate("order_shipped", "en",
                        java.util.List.of("1042", "KI7512345678"))));
    }

    /** An order-update e-mail to {@link #EMAIL}. */
    public static MessageRequest email(IdempotencyKey eventId) {
        return new MessageRequest(eventId, Channel.EMAIL, new Recipient.Email(EMAIL), MessageCategory.TRANSACTIONAL,
                MessageContent.email("Order 1042 dispatched", "Your order 1042 has been dispatched."));
    }
}
