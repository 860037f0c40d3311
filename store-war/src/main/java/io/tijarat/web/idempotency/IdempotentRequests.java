package io.tijarat.web.idempotency;

import io.tijarat.core.crypto.Sha256;
import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.idempotency.IdempotencyStore;
import io.tijarat.core.idempotency.StoredResponse;
import io.tijarat.web.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * Runs a creating request at most once per Idempotency-Key (IETF draft semantics): the same key and body
 * replay the first 201 byte for byte; another body is 422; a retry while the first runs is 409. A request
 * refused before it changed anything gives its key back, so the client can fix it and retry.
 *
 * <p>An answer holding a credential (checkout's order access token) is stored without it ({@link Created#stored})
 * and completed again on replay ({@link Replayer}), so no credential sits in {@code idempotency_record}.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** An unfinished claim older than this is treated as abandoned (its server stopped). */
    // Longer than the slowest provider call (a wallet charge may take 90 s, GuardedPayment.start): a retry
    // while the first request is still waiting for the customer's PIN is answered 409, not "recovered".
    private static final Duration STALE_AFTER = Duration.ofSeconds(120);

    @Inject
    IdempotencyStore store;

    /**
     * What a successful request created: its JSON, where it lives, and the JSON kept for replays ({@code stored}:
     * the same, unless the answer holds a credential that must not be stored).
     */
    public record Created(String json, URI location, String stored) {
        public Created(String json, URI location) {
            this(json, location, json);
        }

        @Override
        public String toString() {
            return "Created[" + location + "]"; // the JSON may hold a credential
        }
    }

    /** Completes a stored answer for a replay: the order the first request created, and the JSON it stored. */
    @FunctionalInterface
    public interface Replayer {
        Created replay(String orderId, String storedJson);
    }

    /**
     * An admin action on one resource ({@code resourceId} from the path) with a raw JSON body: two requests are
     * "the same" when they name the same resource and send the same bytes. The body is parsed inside
     * {@code work}, so a bad body gives its key back like any other refusal.
     */
    public Response executeOnResource(String actor, String operation, String key, String resourceId, byte[] body,
                                      Function<String, Created> work, Function<String, Created> recover) {
        byte[] fingerprint = (resourceId + "\n" + new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        return execute(actor, operation, key, fingerprint, work, recover);
    }

    /** The answer stored is replayed as it is. */
    public Response execute(String clientId, String operation, String key, byte[] fingerprint,
                            Function<String, Created> work, Function<String, Created> recover) {
        return execute(clientId, operation, key, fingerprint, work, recover, null);
    }

    /**
     * @param fingerprint what makes two requests "the same": the body, plus any path parameters
     * @param work        does the work under the claim whose record id it gets
     * @param recover     answers a retry whose first run created {@code orderId} and then stopped
     * @param replayer    completes the stored answer for a replay; null replays it as stored
     */
    public Response execute(String clientId, String operation, String key, byte[] fingerprint,
                            Function<String, Created> work, Function<String, Created> recover, Replayer replayer) {
        var claim = store.claim(validClient(clientId), operation, validKey(key), Sha256.hex(fingerprint), STALE_AFTER);
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            StoredResponse stored = replay.response();
            if (replayer != null && replay.orderId() != null && stored.status() == 201) {
                Created again = replayer.replay(replay.orderId(), stored.body());
                return Response.status(201).type(MediaType.APPLICATION_JSON).entity(again.json())
                        .location(again.location()).header("Idempotent-Replayed", "true").build();
            }
            return Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body())
                    .header("Idempotent-Replayed", "true").build();
        }
        if (claim instanceof IdempotencyStore.Claim.Recover r) {
            return finish(r.recordId(), recover.apply(r.orderId()));
        }
        String recordId = ((IdempotencyStore.Claim.Granted) claim).recordId();
        Created created;
        try {
            created = work.apply(recordId);
        } catch (InvalidInputException | InvalidRequestException | NotFoundException | ConflictException e) {
            store.release(recordId);
            throw e;
        } catch (jakarta.ws.rs.WebApplicationException e) {
            if (e.getResponse().getStatus() < 500) {
                store.release(recordId); // refused before anything changed (e.g. 429): the key may be used again
            }
            throw e;
        }
        return finish(recordId, created);
    }

    private Response finish(String recordId, Created created) {
        store.complete(recordId, new StoredResponse(201, created.stored()));
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(created.json()).location(created.location()).build();
    }

    private static String validKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("Idempotency-Key", "header is required: send a new unique value (e.g. a UUID)"
                    + " per operation, and the same value when retrying it");
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
        if (!clientId.matches("[A-Za-z0-9._:@-]{1,64}")) {
            throw new InvalidInputException("X-Client-Id", "must be 1 to 64 letters, digits, '.', '_', ':', '@' or '-'");
        }
        return clientId;
    }
}
