package io.tijarat.web.testing;

/** Counts of provider calls read from the server's Prometheus text at {@code /metrics}. */
public final class ProviderCallCounts {

    private ProviderCallCounts() {
    }

    /**
     * How many calls of {@code provider} ended with {@code result}, for {@code operation} or, when it is null,
     * for every operation.
     */
    public static long of(Http http, String provider, String operation, String result) {
        long total = 0;
        for (String line : http.get("/metrics").body().split("\n")) {
            if (line.startsWith("tijarat_provider_calls_seconds_count") && line.contains("provider=\"" + provider + "\"")
                    && (operation == null || line.contains("operation=\"" + operation + "\""))
                    && line.contains("result=\"" + result + "\"")) {
                total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
