package io.tijarat.core.plugin.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListTest {

    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    @Test
    void givenSha256sumOutputWithComments_whenParsed_thenListedHashesAreAllowed() {
        AllowList list = AllowList.parse(List.of(
                "# JazzCash 1.2.0, checked against the vendor's notes",
                A + "  jazzcash-1.2.0.jar",
                "",
                B.toUpperCase() + " *tcs.jar"), "allow.txt");

        assertTrue(list.allows(A));
        assertTrue(list.allows(B));
        assertTrue(list.problems().isEmpty());
    }

    @Test
    void givenAHashNotListed_whenChecked_thenNotAllowed() {
        AllowList list = AllowList.parse(List.of(A + "  a.jar"), "allow.txt");

        assertFalse(list.allows(B));
    }

    @Test
    void givenAMalformedLine_whenParsed_thenItAllowsNothingAndIsReported() {
        AllowList list = AllowList.parse(List.of(A.substring(1) + "  short.jar", "not a hash", B + "  ok.jar"),
                "allow.txt");

        assertFalse(list.allows(A.substring(1)));
        assertTrue(list.allows(B));
        assertEquals(List.of("allow.txt line 1 is not '<sha256>  <file name>' and allows nothing",
                "allow.txt line 2 is not '<sha256>  <file name>' and allows nothing"), list.problems());
    }

    @Test
    void givenTheSameHashUnderAnotherFileName_whenChecked_thenAllowed() {
        // The hash is the identity of the code; a renamed jar is the same code.
        AllowList list = AllowList.parse(List.of(A + "  original-name.jar"), "allow.txt");

        assertTrue(list.allows(A));
    }
}
