package io.tijarat.web.config;

import io.tijarat.core.provider.CorrelationIds;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the correlation id and the order id of the work in hand on Tijarat's log records, as a map parameter:
 * Payara's JSON formatter writes a map parameter's entries as fields of the line ({@code "correlationId"},
 * {@code "orderId"}); the plain format ignores it. Installed on the root handlers at start-up, in front of any
 * filter they had, and removed at shutdown so no class of this deployment outlives it.
 */
final class LogContextFilter implements Filter {

    private final Filter next;

    private LogContextFilter(Filter next) {
        this.next = next;
    }

    static void install() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (!(handler.getFilter() instanceof LogContextFilter)) {
                handler.setFilter(new LogContextFilter(handler.getFilter()));
            }
        }
    }

    static void uninstall() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getFilter() instanceof LogContextFilter ours) {
                handler.setFilter(ours.next);
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger != null && logger.startsWith("io.tijarat.") && !alreadyEnriched(record)) {
            Map<String, String> context = new LinkedHashMap<>();
            CorrelationIds.current().ifPresent(id -> context.put("correlationId", id));
            CorrelationIds.currentOrder().ifPresent(id -> context.put("orderId", id));
            if (!context.isEmpty()) {
                Object[] params = record.getParameters();
                Object[] withContext = params == null ? new Object[1] : Arrays.copyOf(params, params.length + 1);
                withContext[withContext.length - 1] = context;
                record.setParameters(withContext);
            }
        }
        return next == null || next.isLoggable(record);
    }

    private static boolean alreadyEnriched(LogRecord record) {
        Object[] params = record.getParameters();
        return params != null && params.length > 0 && params[params.length - 1] instanceof Map<?, ?> m
                && (m.containsKey("correlationId") || m.containsKey("orderId"));
    }
}
