package io.tijarat.core.plugin.jar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's list of plugin jars allowed to run, by SHA-256. The format is what
 * {@code sha256sum *.jar} prints, one jar a line, with {@code #} comments:
 *
 * <pre>
 * # JazzCash 1.2.0, checked against the vendor's release notes
 * 3f1c…e9a0  jazzcash-1.2.0.jar
 * </pre>
 *
 * <p>Only the hash decides; the file name is for the reader (a renamed jar is the same code). A line
 * that is not {@code <64 hex digits> <name>} is reported in {@link #problems()} and allows nothing: a
 * typo never widens the list. Immutable and thread-safe.
 */
public final class AllowList {

    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64})(?:\\s+\\*?(\\S.*))?");

    private final Set<String> hashes;
    private final List<String> problems;

    private AllowList(Set<String> hashes, List<String> problems) {
        this.hashes = Set.copyOf(hashes);
        this.problems = List.copyOf(problems);
    }

    /** @throws IOException if the file cannot be read; the caller then refuses every jar */
    public static AllowList read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** @param source names the list in problem messages, e.g. its path */
    public static AllowList parse(List<String> lines, String source) {
        Set<String> hashes = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                hashes.add(matcher.group(1).toLowerCase(Locale.ROOT));
            } else {
                problems.add(source + " line " + (i + 1) + " is not '<sha256>  <file name>' and allows nothing");
            }
        }
        return new AllowList(hashes, problems);
    }

    /** Whether a jar with this SHA-256 (hex, any case) may run. */
    public boolean allows(String sha256) {
        return hashes.contains(sha256.toLowerCase(Locale.ROOT));
    }

    /** Lines that could not be read, for the operator. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllowList list && list.hashes.equals(hashes) && list.problems.equals(problems);
    }

    @Override
    public int hashCode() {
        return hashes.hashCode();
    }
}
