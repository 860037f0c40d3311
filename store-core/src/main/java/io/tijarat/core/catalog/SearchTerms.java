package io.tijarat.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shopper's search text as an InnoDB full-text query in boolean mode: every word required, each as a prefix
 * ({@code +lawn* +kurta*}), so "lawn kur" finds "Lawn kurta". The text is split into words of letters, marks and
 * digits (Urdu included); the operators of the boolean syntax never reach the database, so nothing the shopper
 * types is read as one.
 *
 * <p>Words the index does not hold are left out of the query rather than required: shorter than three
 * characters (InnoDB's {@code innodb_ft_min_token_size}, 3 on MySQL 8 and MariaDB) or on InnoDB's default
 * stopword list (MySQL 8.0 reference manual, "Full-Text Stopwords"; MariaDB's "Full-Text Index Stopwords" lists
 * the same 36 words). A text made only of such words has {@linkplain #booleanQuery() no query}: the catalog then
 * falls back to a substring match.
 */
record SearchTerms(List<String> words) {

    /** InnoDB's minimum token size on both servers' defaults. */
    static final int MIN_WORD = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    /** INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD, MySQL 8 and MariaDB. */
    private static final Set<String> STOPWORDS = Set.of("a", "about", "an", "are", "as", "at", "be", "by", "com",
            "de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this",
            "to", "was", "what", "when", "where", "who", "will", "with", "und", "www");

    /** At most this many words reach the query: a pasted paragraph is not a search. */
    static final int MAX_WORDS = 8;

    static SearchTerms of(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (matcher.find() && words.size() < MAX_WORDS) {
                String word = matcher.group();
                if (word.codePointCount(0, word.length()) >= MIN_WORD && !STOPWORDS.contains(word)
                        && !words.contains(word)) {
                    words.add(word);
                }
            }
        }
        return new SearchTerms(List.copyOf(words));
    }

    /** {@code +word1* +word2*}, or empty when no word is one the index holds. */
    Optional<String> booleanQuery() {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder query = new StringBuilder();
        for (String word : words) {
            query.append(query.isEmpty() ? "" : " ").append('+').append(word).append('*');
        }
        return Optional.of(query.toString());
    }
}
