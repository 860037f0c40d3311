package io.tijarat.core.payment.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading bank statements as banks export them: named columns, quotes, rupee amounts, debit lines. */
class StatementCsvTest {

    @Test
    void givenATypicalExport_whenParsed_thenOnlyCreditLinesAreReadWithAmountsInPaisa() {
        String csv = "\uFEFFDate,Transaction ID,Narration,Debit,Credit,Balance\r\n"
                + "26/11/2026,FT123,\"IBFT, AYESHA KHAN TJ-7K3M-9QXD\",,\"1,250.50\",10000\r\n"
                + "26/11/2026,CHG9,Bank charges,150.00,,9850\r\n"
                + "27/11/2026,FT124,Raast TJ 7K3M 9QXE,,Rs 999,10849\r\n";

        List<StatementCsv.Line> lines = StatementCsv.parse(csv);

        assertEquals(2, lines.size());
        assertEquals(new StatementCsv.Line(2, "26/11/2026", "IBFT, AYESHA KHAN TJ-7K3M-9QXD", 125_050, "FT123"), lines.get(0));
        assertEquals(99_900, lines.get(1).amountMinor());
        assertEquals(4, lines.get(1).line());
    }

    @Test
    void givenNoTransactionIdColumn_whenTheSameStatementIsReadTwice_thenEachLineGetsTheSameFingerprint() {
        String csv = "Value Date,Description,Amount\n01/12/2026,TJ-AAAA-CCCC,500\n01/12/2026,TJ-AAAA-CCCD,500\n";

        List<StatementCsv.Line> first = StatementCsv.parse(csv);
        List<StatementCsv.Line> second = StatementCsv.parse(csv);

        assertEquals(first, second);
        assertNotEquals(first.get(0).bankReference(), first.get(1).bankReference());
        assertTrue(first.get(0).bankReference().startsWith("line:"));
    }

    @Test
    void givenQuotedFieldsWithDoubledQuotesAndLineBreaks_whenParsed_thenTheyAreOneField() {
        List<List<String>> rows = StatementCsv.rows("a,b\n\"say \"\"hi\"\"\",\"two\nlines\"\n");

        assertEquals(List.of(List.of("a", "b"), List.of("say \"hi\"", "two\nlines")), rows);
    }

    @Test
    void givenAStatementWithoutAnAmountColumn_whenParsed_thenTheProblemNamesWhatIsMissing() {
        var refused = assertThrows(InvalidRequestException.class, () -> StatementCsv.parse("Date,Description\n1,2\n"));

        assertTrue(refused.getMessage().contains("credit amount"), refused.getMessage());
    }

    @Test
    void givenAnAmountThatIsNotAPlainNumber_whenParsed_thenTheLineIsNamed() {
        var refused = assertThrows(InvalidRequestException.class,
                () -> StatementCsv.parse("Description,Credit\nTJ-AAAA-CCCC,12abc\n"));

        assertTrue(refused.getMessage().contains("line 2"), refused.getMessage());
    }

    @Test
    void givenAnUnterminatedQuote_whenParsed_thenItIsRefused() {
        assertThrows(InvalidRequestException.class, () -> StatementCsv.parse("Description,Credit\n\"TJ-AAAA,100\n"));
    }
}
