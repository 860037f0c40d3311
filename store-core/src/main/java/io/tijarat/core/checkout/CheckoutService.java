package io.tijarat.core.checkout;

import io.tijarat.core.cart.CartService;
import io.tijarat.core.cart.CartView;
import io.tijarat.core.customer.CustomerDetails;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.fault.FaultPoints;
import io.tijarat.core.order.Order;
import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.core.provider.ShippingProviders;
import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.payment.Customer;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.shipping.RateQuote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checkout, in three steps with no transaction open across a provider call: (1) ask the shipping
 * provider for the rate, (2) commit the order, the stock reservation and the payment attempt, (3) call the
 * payment provider and record its answer in a new transaction. A crash between (2) and (3) leaves an order
 * with a STARTED attempt, which the reconciler settles; a retry with the same Idempotency-Key recovers it.
 */
@ApplicationScoped
public class CheckoutService {

    @Inject
    CartService carts;

    @Inject
    OrderPlacement placement;

    @Inject
    PaymentRecorder recorder;

    @Inject
    OrderAccess access;

    @Inject
    PaymentProviders payments;

    @Inject
    ShippingProviders shipping;

    @Inject
    ShippingRates rates;

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    io.tijarat.core.config.TijaratSettings settings;

    public CheckoutResult checkout(String idempotencyRecordId, CheckoutCommand command) {
        CustomerDetails customer = CustomerDetails.from(command.customer());
        ProviderDescriptor payment = paymentProvider(command.paymentProvider());
        PaymentChoice choice = PaymentChoice.from(command.paymentMethod(), command.wallet());
        CartView cart = carts.get(required("cartId", command.cartId()));
        if (cart.lines().isEmpty()) {
            throw InvalidRequestException.unprocessable("cartId", "the cart is empty");
        }
        boolean cod = payment.supports(PaymentCapability.COLLECT_ON_DELIVERY);
        ShippingRates.Rated rated = shippingQuote(command, customer, cart, cod);

        OrderPlacement.Placed placed = placement.place(idempotencyRecordId, cart.id(), cart.weightGrams(), customer,
                payment.id(), choice.method(), command.shippingProvider(), rated.quotes().get(0), rated.basis(), cod);

        OrderView view = pay(placed, payment, customer, choice, apiBase(command.apiBase()));
        return new CheckoutResult(view, placed.accessToken());
    }

    /**
     * Starts a new payment attempt for an order whose last one was declined or never sent: the customer tries
     * again, or chooses another way to pay. Same rules as checkout: the attempt is committed before the
     * provider is called, and the provider's answer is recorded in a new transaction.
     */
    public OrderView retryPayment(String idempotencyRecordId, String orderId, String accessToken,
                                  RetryPaymentCommand command) {
        ProviderDescriptor payment = paymentProvider(command.paymentProvider());
        PaymentChoice choice = PaymentChoice.from(command.paymentMethod(), command.wallet());
        OrderPlacement.Placed placed = placement.newAttempt(idempotencyRecordId, orderId, accessToken, payment.id(), choice.method(),
                payment.supports(PaymentCapability.COLLECT_ON_DELIVERY));
        Order order = em.find(Order.class, placed.orderId());
        var customer = new CustomerDetails(order.customerName(), PhoneNumber.of(order.customerPhone()),
                order.customerEmail() == null ? null : EmailAddress.of(order.customerEmail()), order.locale(),
                order.address(), order.city(), order.postalCode());
        return pay(placed, payment, customer, choice, apiBase(command.apiBase()));
    }

    /**
     * Answers a retried checkout whose first run created {@code orderId} but never finished answering
     * (the server stopped, or the provider call failed unexpectedly): the order as it stands now, with a
     * fresh access token. A payment attempt still STARTED is left for the reconciler to settle.
     */
    public CheckoutResult recover(String orderId) {
        String token = placement.reissueAccessToken(orderId);
        return new CheckoutResult(recorder.view(orderId), token);
    }

    /**
     * A fresh access token for the order of a replayed checkout: the stored answer holds none (tokens are not kept
     * in clear anywhere), and the tokens issued before stay valid.
     */
    public String replayToken(String orderId) {
        return access.issueForReplay(orderId);
    }

    private OrderView pay(OrderPlacement.Placed placed, ProviderDescriptor payment, CustomerDetails customer,
                          PaymentChoice choice, Optional<URI> apiBase) {
        Order order = em.find(Order.class, placed.orderId());
        var builder = PaymentRequest.builder()
                .attemptId(IdempotencyKey.of(placed.attemptId()))
                .orderNumber(order.number())
                .amount(order.total())
                .description("Order " + order.number())
                .customer(new Customer(customer.name(), Optional.of(customer.phone()), Optional.ofNullable(customer.email())))
                .method(choice.method())
                .deliveryCity(customer.city())
                .locale(Locale.forLanguageTag(customer.locale()));
        choice.wallet().ifPresent(builder::wallet);
        apiBase.ifPresent(base -> builder.returnUrl(base.resolve("payments/return/" + payment.id()))
                .callbackUrl(base.resolve("webhooks/" + payment.id())));
        var request = builder.build();
        FaultPoints.reached(FaultPoints.AFTER_ATTEMPT_COMMIT);
        try {
            PaymentOutcome outcome = payments.start(payment.id(), request);
            FaultPoints.reached(FaultPoints.AFTER_PROVIDER_ANSWER);
            boolean cod = payment.supports(PaymentCapability.COLLECT_ON_DELIVERY);
            return recorder.record(placed.attemptId(), new PaymentRecorder.Answer(outcome, cod));
        } catch (ProviderUnavailableException e) {
            return recorder.notSent(placed.attemptId(), e.getMessage());
        }
    }

    /**
     * Where gateways send the customer and their notifications: {@code tijarat.public-url} when set (behind
     * a proxy, the address customers use), else the address this request reached.
     */
    private Optional<URI> apiBase(URI requestBase) {
        Optional<URI> configured = settings.publicUrl().map(String::strip).filter(u -> !u.isEmpty())
                .map(u -> URI.create(u.endsWith("/") ? u : u + "/").resolve("api/"));
        return configured.or(() -> Optional.ofNullable(requestBase));
    }

    private ProviderDescriptor paymentProvider(String id) {
        required("paymentProvider", id);
        return payments.descriptor(id).orElseThrow(() -> InvalidRequestException.unprocessable("paymentProvider",
                "is not an available payment method; choose one of " + payments.active().stream().map(ProviderDescriptor::id).toList()));
    }

    /** The chosen courier's quote for the chosen service (the cheapest when none is named), as a one-quote list. */
    private ShippingRates.Rated shippingQuote(CheckoutCommand command, CustomerDetails customer, CartView cart,
                                              boolean cod) {
        String providerId = required("shippingProvider", command.shippingProvider());
        if (cod && shipping.activeShipping().stream().anyMatch(d -> d.id().equals(providerId)
                && !d.supports(io.tijarat.spi.shipping.ShippingCapability.COD))) {
            throw InvalidRequestException.unprocessable("shippingProvider", providerId
                    + " collects no cash on delivery; choose another courier or pay in advance");
        }
        ShippingRates.Rated rated;
        try {
            rated = rates.quotes(providerId, ShippingOptions.rateRequest(customer.city(), cart, cod));
        } catch (ProviderUnavailableException e) {
            throw InvalidRequestException.unprocessable("shippingProvider", "is not available right now; choose another");
        }
        RateQuote quote = rated.quotes().stream()
                .filter(q -> command.shippingService() == null || q.serviceCode().equals(command.shippingService()))
                .findFirst()
                .orElseThrow(() -> InvalidRequestException.unprocessable("shippingProvider",
                        "does not deliver to " + customer.city() + (command.shippingService() == null ? ""
                                : " with service " + command.shippingService())
                        + (cod ? " with cash on delivery" : "")));
        return new ShippingRates.Rated(List.of(quote), rated.basis());
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.invalid(field, "is required");
        }
        if (value.length() > 64) {
            throw InvalidRequestException.invalid(field, "must be at most 64 characters");
        }
        return value;
    }

}
