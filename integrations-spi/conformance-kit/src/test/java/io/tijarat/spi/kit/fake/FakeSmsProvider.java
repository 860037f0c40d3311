package io.tijarat.spi.kit.fake;

import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.Secret;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;

/** Sends with {@code POST /sms}, answered by {@code {"result":"OK","messageId":…}} or {@code "ERROR"}. */
final class FakeSmsProvider implements NotificationProvider {

    private final FakeGateway gateway;
    private final Secret password;
    private final Quirk quirk;

    FakeSmsProvider(ProviderContext context, Quirk quirk) {
        this.quirk = quirk;
        this.password = context.config().secret("password");
        this.gateway = new FakeGateway(context, Fakes.baseUrl(context, quirk), quirk);
    }

    @Override
    public SendOutcome send(MessageRequest request) {
        String reference = request.eventId().value();
        String to = ((Recipient.Phone) request.recipient()).number().digits();
        String json = "{\"clientRef\":\"" + reference + "\",\"to\":\"" + to + "\",\"text\":\""
                + request.content().text().replace("\"", "\\\"") + "\"}";
        FakeGateway.Result result = gateway.post("/sms", json, reference, password.reveal());
        if (result instanceof FakeGateway.Result.MaybeSent maybe) {
            return quirk == Quirk.REJECTS_ON_TIMEOUT && maybe.timedOut()
                    ? new SendOutcome.Rejected("TIMEOUT", "gateway too slow")
                    : new SendOutcome.Unknown(maybe.detail());
        }
        if (result instanceof FakeGateway.Result.HttpError error) {
            return new SendOutcome.Unknown("HTTP " + error.status());
        }
        FakeGateway.Result.Json answer = (FakeGateway.Result.Json) result;
        return "OK".equals(answer.field("result").orElse(""))
                ? new SendOutcome.Accepted(answer.field("messageId").orElse("?"))
                : new SendOutcome.Rejected(answer.field("code").orElse("ERROR"), "the gateway refused the message");
    }
}
