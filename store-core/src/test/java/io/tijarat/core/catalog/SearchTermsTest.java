package io.tijarat.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a shopper's text becomes a full-text query: no database, the words alone. */
class SearchTermsTest {

    @Test
    void everyWordIsRequiredAsAPrefixInLowerCase() {
        assertEquals(Optional.of("+lawn* +kurta*"), SearchTerms.of("  Lawn KURTA ").booleanQuery());
    }

    @Test
    void urduWordsWithTheirMarksAreWords() {
        assertEquals(Optional.of("+لان* +کرتا*"), SearchTerms.of("لان، کرتا").booleanQuery());
        assertEquals(Optional.of("+حلوہ*"), SearchTerms.of("حلوہ").booleanQuery());
    }

    @Test
    void theBooleanSyntaxTheShopperTypesNeverReachesTheDatabase() {
        assertEquals(Optional.of("+chappal* +peshawari*"),
                SearchTerms.of("+chappal -peshawari* \"@8 (~x) <y> ").booleanQuery());
        assertEquals(Optional.empty(), SearchTerms.of("' OR 1=1 --").booleanQuery());
    }

    @Test
    void wordsTheIndexDoesNotHoldAreLeftOutAndOnlySuchWordsMeanNoQuery() {
        assertEquals(Optional.of("+silk*"), SearchTerms.of("the silk of TV").booleanQuery());
        assertEquals(Optional.empty(), SearchTerms.of("TV").booleanQuery());
        assertEquals(Optional.empty(), SearchTerms.of("the").booleanQuery());
    }

    @Test
    void aPastedParagraphIsCutToEightWordsAndRepeatsCountOnce() {
        assertEquals(Optional.of("+one* +two* +three* +four* +five* +six* +seven* +eight*"),
                SearchTerms.of("one two two three four five six seven eight nine ten").booleanQuery());
    }
}
