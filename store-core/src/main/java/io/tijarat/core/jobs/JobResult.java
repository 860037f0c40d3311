package io.tijarat.core.jobs;

/**
 * What one run did: items handled, items that failed (each failure contained to its item), and the last item
 * failure's description (no secrets: exception class and message), or null.
 */
public record JobResult(int done, int failed, String lastItemError) {

    public static JobResult of(int done) {
        return new JobResult(done, 0, null);
    }

    /** Counts item outcomes inside a job's run. */
    public static final class Tally {
        private int done;
        private int failed;
        private String lastError;

        public void done() {
            done++;
        }

        public void failed(String item, RuntimeException e) {
            failed++;
            lastError = item + ": " + JobResult.describe(e);
        }

        public JobResult result() {
            return new JobResult(done, failed, lastError);
        }
    }

    /**
     * Exception class and message of the innermost cause, which is usually the one that explains, with phone and
     * CNIC numbers masked: it is logged and shown to admins. (Plugin exceptions reach jobs already redacted, secrets
     * included, by the provider ports; this catches the rest.)
     */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        text = io.tijarat.spi.Redaction.redact(text);
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
