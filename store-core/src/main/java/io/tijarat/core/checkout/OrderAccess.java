package io.tijarat.core.checkout;

import io.tijarat.core.order.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;

/**
 * Who may read an order without logging in: the holder of the access token issued at checkout, or of one issued
 * to a replay of that checkout (a replayed answer is stored without a token, so each replay gets a fresh one).
 * Only SHA-256 hashes of tokens are stored: the order's own, and the replay tokens in {@code order_access_token},
 * at most {@value #MAX_REPLAY_TOKENS} per order (the oldest replay token is dropped first; the checkout's own
 * never is). Thread-safe.
 */
@ApplicationScoped
public class OrderAccess {

    /** Replay tokens kept per order: enough for a storefront's retries, bounded against replay floods. */
    static final int MAX_REPLAY_TOKENS = 10;

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    /** Whether {@code token} opens {@code order}. */
    @Transactional(TxType.SUPPORTS)
    public boolean opens(Order order, String token) {
        if (order == null || token == null) {
            return false;
        }
        String hash = AccessTokens.hash(token);
        if (order.acceptsAccessToken(hash)) {
            return true;
        }
        List<?> owner = em.createNativeQuery("SELECT order_id FROM order_access_token WHERE token_hash = ?1")
                .setParameter(1, hash).getResultList();
        return !owner.isEmpty() && order.id().equals(String.valueOf(owner.get(0)));
    }

    /** A fresh token for {@code orderId}, for a replayed checkout answer; the tokens given before stay valid. */
    @Transactional(TxType.REQUIRES_NEW)
    public String issueForReplay(String orderId) {
        String token = AccessTokens.newToken();
        em.createNativeQuery("INSERT INTO order_access_token (token_hash, order_id, created_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, AccessTokens.hash(token)).setParameter(2, orderId).setParameter(3, clock.instant())
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> beyond = em.createNativeQuery("SELECT token_hash FROM order_access_token WHERE order_id = ?1"
                        + " ORDER BY created_at DESC, token_hash LIMIT 1000 OFFSET " + MAX_REPLAY_TOKENS)
                .setParameter(1, orderId).getResultList();
        for (Object hash : beyond) {
            em.createNativeQuery("DELETE FROM order_access_token WHERE token_hash = ?1").setParameter(1, hash).executeUpdate();
        }
        return token;
    }
}
