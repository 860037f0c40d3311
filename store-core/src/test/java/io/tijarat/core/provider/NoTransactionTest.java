package io.tijarat.core.provider;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

class NoTransactionTest {

    /** The JTA registry's status, as the application server would report it on the calling thread. */
    private record Registry(int status) implements TransactionSynchronizationRegistry {
        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : "tx";
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }

    @Test
    void givenAnActiveOrDoomedTransaction_whenAProviderIsCalled_thenTheCallIsRefusedNamingProviderAndOperation() {
        for (int status : new int[] {Status.STATUS_ACTIVE, Status.STATUS_MARKED_ROLLBACK}) {
            var e = assertThrows(IllegalStateException.class,
                    () -> NoTransaction.check(new Registry(status), "jazzcash", "start"));
            assertTrue(e.getMessage().contains("provider jazzcash was called (start) inside an active database transaction"),
                    e.getMessage());
        }
    }

    @Test
    void givenNoTransaction_whenAProviderIsCalled_thenTheCallGoesAhead() {
        assertDoesNotThrow(() -> NoTransaction.check(new Registry(Status.STATUS_NO_TRANSACTION), "jazzcash", "start"));
    }
}
