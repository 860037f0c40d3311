package io.tijarat.spi.kit.fake;

import io.tijarat.spi.ProviderContext;
import java.net.URI;

/** What the fake plugins do alike at creation, including the quirks that belong there. */
final class Fakes {

    private Fakes() {
    }

    static URI baseUrl(ProviderContext context, Quirk quirk) {
        String value = quirk == Quirk.IGNORES_MISSING_KEY
                ? context.config().get("base-url").orElseThrow()
                : context.config().require("base-url");
        return URI.create(value.endsWith("/") ? value : value + "/");
    }

    static void misbehaveOnCreate(ProviderContext context, FakeGateway gateway, Quirk quirk) {
        if (quirk == Quirk.CALLS_GATEWAY_IN_CREATE) {
            gateway.get("health", "none");
        }
        if (quirk == Quirk.USES_SPI_INTERNALS) {
            io.tijarat.spi.internal.Checks.notNull(context, "context");
        }
    }
}
