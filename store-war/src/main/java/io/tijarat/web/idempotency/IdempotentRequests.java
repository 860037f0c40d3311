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
import java.time.Duration;
import java.util.function.Function;

/**
 * Runs a creating request at most once per Idempotency-Key (IETF draft semantics): the same key and body
 * replay the first 201 byte for byte; another body is 422; a retry while the first runs is 409. A request
 * refused before it changed anything gives its key back, so the client can fix it and retry.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** An unfinished claim older than this is treated as abandoned (its server stopped). */
    // Longer than the slowest provider call (a wallet charge may take 90 s, GuardedPayment.start): a retry
    // while the first request is still waiting for the customer's PIN is answered 409, not "recovered".
    private static final Duration STALE_AFTER = Duration.ofSeconds(120);

    @Inject
    IdempotencyStore store;

    /** What a successful request created: its JSON and where it lives. */
    public record Created(String json, URI location) {
    }

    /**
     * @param fingerprint what makes two requests "the same": the body, plus any path parameters
     * @param work        does the work under the claim whose record id it gets
     * @param recover     answers a retry whose first run created {@code orderId} and then stopped
     */
    public Response execute(String clientId, String operation, String key, byte[] fingerprint,
                            Function<String, Created> work, Function<String, Created> recover) {
        var claim = store.claim(validClient(clientId), operation, validKey(key), Sha256.hex(fingerprint), STALE_AFTER);
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            StoredResponse stored = replay.response();
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
        store.complete(recordId, new StoredResponse(201, created.json()));
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
