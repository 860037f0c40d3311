package io.tijarat.core.provider.guard;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Each provider's fault-tolerance values, per operation: the core's defaults, the budget the plugin
 * declares ({@link ProviderDescriptor#defaultTimeout()}), and the operator's overrides.
 *
 * <table>
 *   <caption>Keys (all optional; {@code <op>} is an operation name such as {@code start})</caption>
 *   <tr><td>{@code tijarat.provider.<id>.timeout-ms}</td><td>the provider's budget for every call (default:
 *       the plugin's declared budget); operations with a shorter default cap keep their cap</td></tr>
 *   <tr><td>{@code tijarat.provider.<id>.ft.<op>.timeout-ms}</td><td>the budget of one operation</td></tr>
 *   <tr><td>{@code tijarat.provider.<id>.ft.[<op>.]bulkhead}</td><td>calls at once</td></tr>
 *   <tr><td>{@code tijarat.provider.<id>.ft.[<op>.]breaker.request-volume}, {@code .breaker.failure-ratio},
 *       {@code .breaker.delay-ms}, {@code .breaker.success-threshold}</td><td>the circuit breaker</td></tr>
 *   <tr><td>{@code tijarat.provider.<id>.ft.[<op>.]retries}</td><td>retries after a transient failure,
 *       for operations that change nothing only</td></tr>
 * </table>
 * A key without {@code <op>} applies to every operation of the provider; one with it wins for that
 * operation. An unknown key under {@code .ft.} or a value out of range makes the provider unusable with a
 * message naming the key ({@link PermanentProviderException}), never a silent default.
 */
public final class FaultToleranceSettings {

    /** Defaults per operation: budget cap, bulkhead, breaker delay, whether it may be retried, guarded. */
    private record Defaults(Duration budgetCap, int bulkhead, Duration breakerDelay, boolean readOnly,
                            boolean guarded) {
    }

    private static final Duration LOCAL = Duration.ofSeconds(2);
    private static final Duration NO_CAP = Duration.ofMinutes(5);
    private static final Duration DELAY = Duration.ofSeconds(30);

    /** Every operation of every provider interface, with the core's defaults (sizes as before 1.2). */
    static final Map<String, Defaults> OPERATIONS = Map.ofEntries(
            // payment: a wallet start waits for the customer's PIN: only the provider's budget bounds it
            Map.entry("start", new Defaults(NO_CAP, 20, DELAY, false, true)),
            Map.entry("inquire", new Defaults(Duration.ofSeconds(30), 10, DELAY, true, true)),
            Map.entry("refund", new Defaults(Duration.ofSeconds(30), 5, DELAY, false, true)),
            Map.entry("voidPayment", new Defaults(Duration.ofSeconds(30), 5, DELAY, false, true)),
            Map.entry("refundStatus", new Defaults(Duration.ofSeconds(30), 5, DELAY, true, true)),
            Map.entry("verifyCallback", new Defaults(LOCAL, 0, DELAY, true, false)),
            // shipping: coverage and quotes are on the checkout path
            Map.entry("coverage", new Defaults(Duration.ofSeconds(5), 20, DELAY, true, true)),
            Map.entry("quote", new Defaults(Duration.ofSeconds(5), 20, DELAY, true, true)),
            Map.entry("book", new Defaults(Duration.ofSeconds(20), 5, DELAY, false, true)),
            Map.entry("track", new Defaults(Duration.ofSeconds(10), 5, DELAY, true, true)),
            Map.entry("remittances", new Defaults(Duration.ofSeconds(30), 2, DELAY, true, true)),
            // since SPI 1.3 the core also fetches labels, cancels and looks bookings up
            Map.entry("label", new Defaults(Duration.ofSeconds(20), 5, DELAY, true, true)),
            Map.entry("cancel", new Defaults(Duration.ofSeconds(20), 5, DELAY, false, true)),
            Map.entry("findBooking", new Defaults(Duration.ofSeconds(10), 5, DELAY, true, true)),
            Map.entry("verifyTrackingCallback", new Defaults(LOCAL, 0, DELAY, true, false)),
            Map.entry("verifyInbound", new Defaults(LOCAL, 0, DELAY, true, false)),
            // notification
            Map.entry("send", new Defaults(Duration.ofSeconds(20), 10, Duration.ofSeconds(60), false, true)),
            Map.entry("deliveryStatus", new Defaults(Duration.ofSeconds(10), 5, Duration.ofSeconds(60), true, true)));

    private static final Set<String> KEYS = Set.of("timeout-ms", "bulkhead", "breaker.request-volume",
            "breaker.failure-ratio", "breaker.delay-ms", "breaker.success-threshold", "retries");

    private final Function<String, Optional<String>> lookup;

    /** @param lookup a configuration value by key (e.g. MicroProfile Config); blank counts as absent */
    public FaultToleranceSettings(Function<String, Optional<String>> lookup) {
        this.lookup = key -> lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * The values of each of {@code operations} for the provider described.
     *
     * @param presentKeys every configuration key that starts with {@code tijarat.provider.<id>.ft.}, to
     *                    refuse misspelt ones
     * @throws PermanentProviderException naming every invalid key
     */
    public Map<String, OperationLimits> resolve(ProviderDescriptor descriptor, List<String> operations,
                                                Iterable<String> presentKeys) {
        String prefix = "tijarat.provider." + descriptor.id() + ".";
        List<String> problems = new ArrayList<>();
        for (String key : presentKeys) {
            if (key.startsWith(prefix + "ft.") && !known(key.substring(prefix.length() + 3))) {
                problems.add(key + " is not a fault-tolerance setting (operations: " + new TreeSet<>(OPERATIONS.keySet())
                        + "; settings: " + new TreeSet<>(KEYS) + ")");
            }
        }
        Duration providerBudget = millis(prefix + "timeout-ms", 1, 300_000, problems)
                .map(Duration::ofMillis).orElse(descriptor.defaultTimeout());
        Map<String, OperationLimits> limits = new LinkedHashMap<>();
        for (String operation : operations) {
            Defaults d = OPERATIONS.get(operation);
            if (d == null) {
                throw new IllegalArgumentException("no fault-tolerance defaults for operation " + operation);
            }
            Duration budget = value(prefix, operation, "timeout-ms", 1, 300_000, problems).map(Duration::ofMillis)
                    .orElse(d.guarded() ? min(providerBudget, d.budgetCap()) : LOCAL);
            int retries = value(prefix, operation, "retries", 0, 10, problems).orElse(0L).intValue();
            if (retries > 0 && !d.readOnly()) {
                problems.add(prefix + "ft." + operation + ".retries: " + operation
                        + " changes something at the provider and is never retried (its outcome is settled by inquiry)");
            }
            limits.put(operation, new OperationLimits(budget, budget.plus(OperationLimits.MARGIN),
                    value(prefix, operation, "bulkhead", 1, 1_000, problems).orElse((long) Math.max(1, d.bulkhead())).intValue(),
                    value(prefix, operation, "breaker.request-volume", 1, 10_000, problems).orElse(10L).intValue(),
                    ratio(prefix, operation, problems).orElse(0.5),
                    Duration.ofMillis(value(prefix, operation, "breaker.delay-ms", 0, 3_600_000, problems)
                            .orElse(d.breakerDelay().toMillis())),
                    value(prefix, operation, "breaker.success-threshold", 1, 1_000, problems).orElse(2L).intValue(),
                    retries, d.guarded()));
        }
        if (!problems.isEmpty()) {
            throw new PermanentProviderException("invalid fault-tolerance settings for provider " + descriptor.id()
                    + ": " + String.join("; ", problems));
        }
        return limits;
    }

    private static boolean known(String rest) {
        if (KEYS.contains(rest)) {
            return true;
        }
        int dot = rest.indexOf('.');
        return dot > 0 && OPERATIONS.containsKey(rest.substring(0, dot)) && KEYS.contains(rest.substring(dot + 1));
    }

    private Optional<Long> value(String prefix, String operation, String key, long min, long max, List<String> problems) {
        Optional<Long> specific = millis(prefix + "ft." + operation + "." + key, min, max, problems);
        return specific.isPresent() ? specific : millis(prefix + "ft." + key, min, max, problems);
    }

    private Optional<Long> millis(String key, long min, long max, List<String> problems) {
        return lookup.apply(key).flatMap(text -> {
            try {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(key + " must be a whole number from " + min + " to " + max + ", was '" + text + "'");
            return Optional.empty();
        });
    }

    private Optional<Double> ratio(String prefix, String operation, List<String> problems) {
        for (String key : List.of(prefix + "ft." + operation + ".breaker.failure-ratio", prefix + "ft.breaker.failure-ratio")) {
            Optional<String> text = lookup.apply(key);
            if (text.isPresent()) {
                try {
                    double value = Double.parseDouble(text.get());
                    if (value > 0 && value <= 1) {
                        return Optional.of(value);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                problems.add(key + " must be a number above 0 and at most 1, was '" + text.get() + "'");
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
