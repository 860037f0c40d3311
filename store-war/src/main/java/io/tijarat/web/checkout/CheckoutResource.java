package io.tijarat.web.checkout;

import io.tijarat.core.checkout.CheckoutResult;
import io.tijarat.core.checkout.CheckoutService;
import io.tijarat.web.idempotency.IdempotentRequests;
import io.tijarat.web.json.JsonBodies;
import io.tijarat.web.json.StrictJsonb;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code POST /api/checkout}, safe to retry: it requires an {@code Idempotency-Key}. The same key and
 * body replay the first response (one order, one payment attempt); the same key with another body is
 * 422; a retry while the first is still running is 409 with Retry-After. Keys are scoped per client
 * ({@code X-Client-Id}, optional) and kept at least 24 hours.
 */
@Path("/checkout")
@RequestScoped
public class CheckoutResource {

    @Inject
    IdempotentRequests idempotent;

    @Inject
    CheckoutService checkout;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order from a cart and start its payment",
            description = "Requires an Idempotency-Key header. Returns the order, its access token (shown once) and "
                    + "the customer's next payment step.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "cash on delivery",
            value = "{\"cartId\":\"0b9c…\",\"customer\":{\"name\":\"Ayesha Khan\",\"phone\":\"0300-1234567\","
                    + "\"email\":\"ayesha@example.pk\",\"locale\":\"ur\"},\"shippingAddress\":{\"address\":\"House 12, Street 4, "
                    + "Gulberg III\",\"city\":\"Lahore\",\"postalCode\":\"54660\"},\"paymentProvider\":\"cod\","
                    + "\"shippingProvider\":\"flat-rate\"}")))
    public Response checkout(@HeaderParam("Idempotency-Key") String key,
                             @HeaderParam("X-Client-Id") String clientId,
                             byte[] body) {
        return idempotent.execute(clientId, "checkout", key, body,
                recordId -> created(checkout.checkout(recordId, JsonBodies.parse(body, CheckoutRequest.class).toCommand(uri.getBaseUri()))),
                orderId -> created(checkout.recover(orderId)));
    }

    private IdempotentRequests.Created created(CheckoutResult result) {
        return new IdempotentRequests.Created(StrictJsonb.jsonb().toJson(result),
                uri.getBaseUriBuilder().path("orders").path(result.order().id()).build());
    }
}
