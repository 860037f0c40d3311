package io.tijarat.core.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin's own version ({@code ProviderDescriptor.pluginVersion}) as far as the host compares versions: dotted
 * numbers with an optional pre-release qualifier ({@code 1.0.1}, {@code 2.3}, {@code 1.1.0-rc1}; build metadata
 * after {@code +} is ignored, as in Semantic Versioning). Missing numbers count as 0 ({@code 1.2} equals
 * {@code 1.2.0}); a pre-release sorts before its release; qualifiers compare as text. Anything else
 * ({@code "nightly"}) is not comparable, and such jars stay duplicates. Immutable.
 */
record PluginVersion(List<Integer> numbers, Optional<String> qualifier) implements Comparable<PluginVersion> {

    private static final Pattern FORM = Pattern.compile("v?(\\d{1,9}(?:\\.\\d{1,9}){0,5})(?:-([0-9A-Za-z.-]+))?(?:\\+.*)?");

    PluginVersion {
        numbers = List.copyOf(numbers);
    }

    /** The version, if the text has a form the host compares. */
    static Optional<PluginVersion> parse(String text) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : matcher.group(1).split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        return Optional.of(new PluginVersion(numbers, Optional.ofNullable(matcher.group(2))));
    }

    /** Whether {@code candidate} is a strictly newer version than {@code current}; false when either cannot be compared. */
    static boolean isNewer(String candidate, String current) {
        Optional<PluginVersion> a = parse(candidate);
        Optional<PluginVersion> b = parse(current);
        return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) > 0;
    }

    @Override
    public int compareTo(PluginVersion other) {
        for (int i = 0; i < Math.max(numbers.size(), other.numbers.size()); i++) {
            int difference = Integer.compare(number(i), other.number(i));
            if (difference != 0) {
                return difference;
            }
        }
        if (qualifier.isPresent() != other.qualifier.isPresent()) {
            return qualifier.isPresent() ? -1 : 1;
        }
        return qualifier.map(q -> q.compareTo(other.qualifier.orElseThrow())).orElse(0);
    }

    private int number(int index) {
        return index < numbers.size() ? numbers.get(index) : 0;
    }
}
