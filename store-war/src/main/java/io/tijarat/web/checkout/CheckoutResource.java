package io.tijarat.web.checkout;

import io.tijarat.core.checkout.CheckoutResult;
import io.tijarat.core.checkout.CheckoutService;
import io.tijarat.web.idempotency.IdempotentRequests;
import io.tijarat.web.json.JsonBodies;
import io.tijarat.web.json.StrictJsonb;
import io.tijarat.web.ratelimit.CheckoutRateLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.io.StringReader;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/checkout}, safe to retry: it requires an {@code Idempotency-Key}. The same key and
 * body replay the first response (one order, one payment attempt); the same key with another body is
 * 422; a retry while the first is still running is 409 with Retry-After. Keys are scoped per client
 * ({@code X-Client-Id}, optional), compared byte for byte, and kept at least 24 hours. The stored answer holds no
 * access token: a replay carries a fresh one, and every token given for the order keeps opening it. New checkouts
 * are limited per client address and phone number (429 with Retry-After, the key given back); replays are never
 * counted or refused.
 */
@Path("/checkout")
@RequestScoped
@Tag(name = "Checkout")
// Bodies and examples: META-INF/openapi.yaml.
public class CheckoutResource {

    @Inject
    IdempotentRequests idempotent;

    @Inject
    CheckoutService checkout;

    @Inject
    CheckoutRateLimit rateLimit;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkout", summary = "Place an order from a cart and start its payment",
            description = "Requires an Idempotency-Key header. Returns the order, its access token (shown once) and "
                    + "the customer's next payment step.")
    @RequestBody(ref = "Checkout")
    @APIResponse(responseCode = "201", ref = "CheckoutPlaced")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response checkout(@HeaderParam("Idempotency-Key") @Parameter(required = true,
                                     description = "a new unique value (e.g. a UUID) per checkout, the same one when retrying it")
                             String key,
                             @HeaderParam("X-Client-Id") @Parameter(description = "optional: scopes Idempotency-Keys to one client")
                             String clientId,
                             byte[] body) {
        return idempotent.execute(clientId, "checkout", key, body,
                recordId -> created(checkout.checkout(recordId, admitted(JsonBodies.parse(body, CheckoutRequest.class))
                        .toCommand(uri.getBaseUri()))),
                orderId -> created(checkout.recover(orderId)),
                this::replayed);
    }

    private CheckoutRequest admitted(CheckoutRequest request) {
        rateLimit.admit(servletRequest, request.customer() == null ? null : request.customer().phone());
        return request;
    }

    /** The answer, and — stored for replays — the same without the access token. */
    private IdempotentRequests.Created created(CheckoutResult result) {
        return new IdempotentRequests.Created(StrictJsonb.jsonb().toJson(result), location(result.order().id()),
                StrictJsonb.jsonb().toJson(result.withoutToken()));
    }

    /**
     * A replay: the stored answer with a fresh access token (the ones given before stay valid). An answer stored
     * before tokens were left out has its old token replaced too.
     */
    private IdempotentRequests.Created replayed(String orderId, String storedJson) {
        JsonObject stored;
        try (var reader = Json.createReader(new StringReader(storedJson))) {
            stored = reader.readObject();
        }
        JsonObjectBuilder answer = Json.createObjectBuilder().add("accessToken", checkout.replayToken(orderId));
        stored.forEach((name, value) -> {
            if (!name.equals("accessToken")) {
                answer.add(name, value);
            }
        });
        return new IdempotentRequests.Created(answer.build().toString(), location(orderId), null);
    }

    private URI location(String orderId) {
        return uri.getBaseUriBuilder().path("orders").path(orderId).build();
    }
}
