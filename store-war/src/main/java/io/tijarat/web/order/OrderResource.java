package io.tijarat.web.order;

import io.tijarat.core.checkout.CheckoutCommand;
import io.tijarat.core.checkout.CheckoutService;
import io.tijarat.core.checkout.RetryPaymentCommand;
import io.tijarat.web.checkout.CheckoutRequest;
import io.tijarat.web.idempotency.IdempotentRequests;
import io.tijarat.web.json.JsonBodies;
import io.tijarat.web.json.StrictJsonb;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.tijarat.core.checkout.OrderView;
import io.tijarat.core.checkout.PaymentRecorder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A customer's order. The access token travels in a header, not the URL, so it does not end up in
 * access logs or browser history.
 */
@Path("/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
// Bodies and examples: META-INF/openapi.yaml.
public class OrderResource {

    @Inject
    PaymentRecorder orders;

    @Inject
    CheckoutService checkout;

    @Inject
    IdempotentRequests idempotent;

    @Context
    UriInfo uri;

    /** How the customer pays this time: a provider, and optionally a method and a wallet, as at checkout. */
    public record RetryPaymentRequest(String paymentProvider, String paymentMethod, CheckoutRequest.Wallet wallet) {
    }

    @POST
    @Path("/{orderId}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "payOrderAgain",
            summary = "Pay again after a declined payment, with the same or another method",
            description = "Needs the X-Order-Token and an Idempotency-Key. Refused (409) while the last payment may "
                    + "still take money — pending, or being confirmed with the provider — so no one is charged twice.")
    @RequestBody(ref = "RetryPayment")
    @APIResponse(responseCode = "201", ref = "PaymentStarted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response retryPayment(@PathParam("orderId") String orderId,
                                 @HeaderParam("X-Order-Token") @Parameter(required = true) String token,
                                 @HeaderParam("Idempotency-Key") @Parameter(required = true) String key, byte[] body) {
        orders.viewWithToken(orderId, token); // 404 before anything, also for a replayed key
        return idempotent.execute("order:" + orderId, "order-payment", key, body, recordId -> {
            RetryPaymentRequest request = JsonBodies.parse(body, RetryPaymentRequest.class);
            var wallet = request.wallet() == null ? null
                    : new CheckoutCommand.WalletInput(request.wallet().number(), request.wallet().cnicLastSix());
            OrderView view = checkout.retryPayment(recordId, orderId, token, new RetryPaymentCommand(
                    request.paymentProvider(), request.paymentMethod(), wallet, uri.getBaseUri()));
            return created(view);
        }, recoveredOrderId -> created(orders.viewWithToken(recoveredOrderId, token)));
    }

    private IdempotentRequests.Created created(OrderView view) {
        return new IdempotentRequests.Created(StrictJsonb.jsonb().toJson(view),
                uri.getBaseUriBuilder().path("orders").path(view.id()).build());
    }

    @GET
    @Path("/{orderId}")
    @Operation(operationId = "getOrder", summary = "Read an order (needs the X-Order-Token returned at checkout)")
    @APIResponse(responseCode = "200", ref = "Order")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public OrderView get(@PathParam("orderId") String orderId,
                         @HeaderParam("X-Order-Token") @Parameter(required = true) String token) {
        return orders.viewWithToken(orderId, token);
    }
}
