package io.tijarat.web.json;

import io.tijarat.web.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 64 KiB with 413 — by the declared length up front, and for chunked bodies
 * while reading — so a huge upload can neither exhaust memory nor reach the database.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    public static final int MAX_BYTES = 64 * 1024;
    /** A bank statement (admin only): up to {@code StatementCsv.MAX_LINES} lines. */
    public static final int STATEMENT_MAX_BYTES = 1024 * 1024;
    private static final String STATEMENT_PATH = "admin/payments/bank-statements";
    /** A courier's payout statement (admin only): {@code admin/cod/remittances/<courier>/statement}. */
    private static final java.util.regex.Pattern PAYOUT_STATEMENT_PATH =
            java.util.regex.Pattern.compile("admin/cod/remittances/[^/]{1,64}/statement");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        int limit = relative.equals(STATEMENT_PATH) || PAYOUT_STATEMENT_PATH.matcher(relative).matches()
                ? STATEMENT_MAX_BYTES : MAX_BYTES;
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    public static Response tooLarge() {
        return tooLarge(MAX_BYTES);
    }

    public static Response tooLarge(int limit) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + limit / 1024 + " KiB.").toResponse();
    }

    /** Thrown while reading a body past the limit; mapped to 413. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int limit;

        TooLargeException(int limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    private static final class Limited extends FilterInputStream {
        private long read;
        private final int limit;

        Limited(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLargeException {
            read += n;
            if (read > limit) {
                throw new TooLargeException(limit);
            }
        }
    }
}
