package io.tijarat.spi.kit.fake;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.Secret;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts payments with {@code POST /payments} and inquires with {@code GET /payments/<reference>}.
 * The gateway answers {@code {"status":"APPROVED|DECLINED|PENDING|PAID|FAILED", "id":…, "code":…}}.
 */
final class FakePayProvider implements PaymentProvider {

    private final FakeGateway gateway;
    private final Secret apiKey;
    private final ProviderLogger logger;
    private final Quirk quirk;

    FakePayProvider(ProviderContext context, Quirk quirk) {
        this.quirk = quirk;
        this.logger = context.logger();
        this.apiKey = context.config().secret("api-key");
        this.gateway = new FakeGateway(context, Fakes.baseUrl(context, quirk), quirk);
        Fakes.misbehaveOnCreate(context, gateway, quirk);
    }

    @Override
    public PaymentOutcome start(PaymentRequest request) {
        String reference = quirk == Quirk.INVENTS_REFERENCE
                ? UUID.randomUUID().toString() : request.attemptId().value();
        if (quirk == Quirk.LOGS_SECRET) {
            logger.debug("starting with key " + apiKey.reveal());
        }
        String json = "{\"reference\":\"" + reference + "\",\"amount\":" + request.amount().minorUnits()
                + ",\"currency\":\"" + request.amount().currency() + "\"}";
        FakeGateway.Result result = gateway.post("/payments", json, reference, apiKey.reveal());
        logger.info("fake-pay start attempt=" + request.attemptId() + " result=" + result.getClass().getSimpleName());
        return outcomeOf(result, request.amount());
    }

    private PaymentOutcome outcomeOf(FakeGateway.Result result, Money amount) {
        if (result instanceof FakeGateway.Result.MaybeSent maybe) {
            return PaymentOutcome.Unknown.of(maybe.detail());
        }
        if (result instanceof FakeGateway.Result.HttpError error) {
            return quirk == Quirk.DECLINES_ON_SERVER_ERROR
                    ? new PaymentOutcome.Declined(String.valueOf(error.status()), "Payment failed.")
                    : PaymentOutcome.Unknown.of("HTTP " + error.status());
        }
        FakeGateway.Result.Json json = (FakeGateway.Result.Json) result;
        String status = json.field("status").orElse("");
        return switch (status) {
            case "APPROVED" -> new PaymentOutcome.Approved(json.field("id").orElse("?"), amount);
            case "PENDING" -> PaymentOutcome.Pending.of(
                    new CustomerAction.ApproveOnPhone("Approve the payment in your Fake Pay app", Optional.empty()));
            case "DECLINED" -> new PaymentOutcome.Declined(json.field("code").orElse("DECLINED"),
                    "Your payment was declined. Please try another way to pay.");
            default -> PaymentOutcome.Unknown.of("unexpected status '" + status + "'");
        };
    }

    @Override
    public InquiryOutcome inquire(InquiryRequest request) {
        IdempotencyKey attemptId = request.attemptId();
        FakeGateway.Result result = gateway.get("/payments/" + attemptId.value(), apiKey.reveal());
        if (!(result instanceof FakeGateway.Result.Json json)) {
            throw new TransientProviderException("fake-pay inquiry about " + attemptId + ": no usable answer");
        }
        String status = json.field("status").orElse("");
        return switch (status) {
            case "PAID" -> new InquiryOutcome.Paid(json.field("id").orElse("?"), request.amount());
            case "PENDING" -> new InquiryOutcome.Pending(json.field("id"));
            case "FAILED" -> new InquiryOutcome.Failed("FAILED", "the gateway reports the payment failed");
            default -> new InquiryOutcome.Unknown("unexpected status '" + status + "'");
        };
    }
}
