package io.tijarat.spi.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Runs one call from several threads released at the same moment, as the core's callers do. */
final class Concurrently {

    private static final long WAIT_SECONDS = 30;

    private Concurrently() {
    }

    /**
     * Calls {@code call} from {@code threads} threads at once and returns every result. A call that
     * throws fails the test with that exception; waiting is bounded.
     */
    static <T> List<T> run(int threads, Supplier<T> call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> task = () -> {
                    start.await();
                    return call.get();
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a concurrent call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("concurrent calls did not finish within " + WAIT_SECONDS + " s", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
