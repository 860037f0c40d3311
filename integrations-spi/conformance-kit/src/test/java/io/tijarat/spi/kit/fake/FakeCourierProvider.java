package io.tijarat.spi.kit.fake;

import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.Secret;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CityCoverage;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShippingProvider;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Books with {@code POST /bookings}, answered by {@code {"status":1,"cn":…}} (booked) or
 * {@code {"status":0,"error":…}} (refused, with HTTP 200, as Pakistani couriers do). Serves two cities.
 */
final class FakeCourierProvider implements ShippingProvider {

    private static final Set<String> CITIES = Set.of("karachi", "lahore");

    private final FakeGateway gateway;
    private final Secret apiKey;
    private final Quirk quirk;

    FakeCourierProvider(ProviderContext context, Quirk quirk) {
        this.quirk = quirk;
        this.apiKey = context.config().secret("api-key");
        this.gateway = new FakeGateway(context, Fakes.baseUrl(context, quirk), quirk);
    }

    @Override
    public CityCoverage coverage(String city) {
        boolean served = CITIES.contains(city.strip().toLowerCase(Locale.ROOT));
        return served ? new CityCoverage(city, Optional.of(city.strip().toUpperCase(Locale.ROOT)), true, true, true)
                : CityCoverage.notCovered(city);
    }

    @Override
    public BookingOutcome book(ShipmentRequest request) {
        String reference = request.bookingKey().value();
        String json = "{\"orderRef\":\"" + reference + "\",\"city\":\"" + request.consignee().city()
                + "\",\"grams\":" + request.parcel().weightGrams() + "}";
        FakeGateway.Result result = gateway.post("/bookings", json, reference, apiKey.reveal());
        if (result instanceof FakeGateway.Result.MaybeSent maybe) {
            return new BookingOutcome.Unknown(maybe.detail());
        }
        if (result instanceof FakeGateway.Result.HttpError error) {
            return new BookingOutcome.Unknown("HTTP " + error.status());
        }
        FakeGateway.Result.Json answer = (FakeGateway.Result.Json) result;
        return switch (answer.field("status").orElse("")) {
            case "1" -> new BookingOutcome.Booked(answer.field("cn").orElse("?"), Optional.empty(), Optional.empty());
            case "0" -> new BookingOutcome.Rejected("0", answer.field("error").orElse("refused"));
            default -> new BookingOutcome.Unknown("unexpected answer");
        };
    }
}
