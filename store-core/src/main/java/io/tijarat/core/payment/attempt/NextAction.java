package io.tijarat.core.payment.attempt;

import io.tijarat.spi.payment.CustomerAction;
import java.time.Instant;
import java.util.Map;

/** What the customer must do next to pay, in a shape a storefront can render. Null fields are absent. */
public record NextAction(String type, String url, String method, Map<String, String> fields,
                         String instructions, String voucherCode, Instant expiresAt, String reference) {

    public static NextAction of(CustomerAction action) {
        return action.match(new CustomerAction.Cases<>() {
            @Override
            public NextAction redirect(CustomerAction.Redirect r) {
                return new NextAction("REDIRECT", r.target().toString(), r.method().name(),
                        r.fields().isEmpty() ? null : r.fields(), null, null, null, null);
            }

            @Override
            public NextAction approveOnPhone(CustomerAction.ApproveOnPhone a) {
                return new NextAction("APPROVE_ON_PHONE", null, null, null, a.instructions(), null,
                        a.approveBy().orElse(null), null);
            }

            @Override
            public NextAction payVoucher(CustomerAction.PayVoucher v) {
                return new NextAction("PAY_VOUCHER", null, null, null, v.instructions(), v.voucherCode(), v.expiresAt(),
                        null);
            }

            @Override
            public NextAction payOffline(CustomerAction.PayOffline offline) {
                return new NextAction("PAY_OFFLINE", null, null, null, offline.instructions(), null, null,
                        offline.reference().orElse(null));
            }
        });
    }
}
