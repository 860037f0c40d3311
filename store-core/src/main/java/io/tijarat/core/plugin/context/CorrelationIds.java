package io.tijarat.core.plugin.context;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads the current correlation id from the core's supplier, defensively: a supplier that fails (no
 * request scope on this thread) or returns something unfit for an HTTP header (control characters
 * would allow header injection; a megabyte would be silly) yields no id rather than a failed call.
 */
final class CorrelationIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private CorrelationIds() {
    }

    static Optional<String> current(Supplier<Optional<String>> supplier) {
        try {
            Optional<String> id = supplier.get();
            return id == null ? Optional.empty() : id.filter(value -> SAFE.matcher(value).matches());
        } catch (RuntimeException noCorrelationHere) {
            return Optional.empty();
        }
    }
}
