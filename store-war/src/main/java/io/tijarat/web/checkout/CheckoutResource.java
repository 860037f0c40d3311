package io.tijarat.web.checkout;

import io.tijarat.core.checkout.CheckoutResult;
import io.tijarat.core.checkout.CheckoutService;
import io.tijarat.core.crypto.Sha256;
import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.idempotency.IdempotencyStore;
import io.tijarat.core.idempotency.StoredResponse;
import io.tijarat.web.json.JsonBodies;
import io.tijarat.web.json.StrictJsonb;
import io.tijarat.web.problem.InvalidInputException;
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
import java.time.Duration;
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

    /** An unfinished claim older than this is treated as abandoned (its server stopped). */
    private static final Duration STALE_AFTER = Duration.ofSeconds(60);

    @Inject
    IdempotencyStore idempotency;

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
        String idemKey = validKey(key);
        String client = validClient(clientId);
        var claim = idempotency.claim(client, "checkout", idemKey, Sha256.hex(body), STALE_AFTER);
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            return replayed(replay.response());
        }
        if (claim instanceof IdempotencyStore.Claim.Recover recover) {
            return finish(recover.recordId(), checkout.recover(recover.orderId()));
        }
        String recordId = ((IdempotencyStore.Claim.Granted) claim).recordId();
        CheckoutResult result;
        try {
            CheckoutRequest request = JsonBodies.parse(body, CheckoutRequest.class);
            result = checkout.checkout(recordId, request.toCommand());
        } catch (InvalidInputException | InvalidRequestException | NotFoundException | ConflictException e) {
            // Refused before anything changed: give the key back so the client can fix the request.
            idempotency.release(recordId);
            throw e;
        }
        return finish(recordId, result);
    }

    private Response finish(String recordId, CheckoutResult result) {
        String json = StrictJsonb.jsonb().toJson(result);
        idempotency.complete(recordId, new StoredResponse(201, json));
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(json)
                .location(uri.getBaseUriBuilder().path("orders").path(result.order().id()).build())
                .build();
    }

    private Response replayed(StoredResponse stored) {
        return Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body())
                .header("Idempotent-Replayed", "true").build();
    }

    private static String validKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("Idempotency-Key", "header is required: send a new unique value (e.g. a UUID) per checkout, and the same value when retrying it");
        }
        if (key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        return key;
    }

    private static String validClient(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return "anonymous";
        }
        if (!clientId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidInputException("X-Client-Id", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return clientId;
    }
}
