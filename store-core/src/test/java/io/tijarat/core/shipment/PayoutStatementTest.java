package io.tijarat.core.shipment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.spi.Money;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A courier's payout statement as staff save it from a spreadsheet: what is read, and what is refused and why. */
class PayoutStatementTest {

    @Test
    void givenASpreadsheetsCsv_whenRead_thenEachLineIsAPayoutOrAReturnDeduction() {
        String csv = "\uFEFFReference,Tracking Number,Collected,Charges,Remitted,Paid On\r\n"
                + "INV-3301,779912345601,\"2,339\",Rs 208.80,2130.20,05/12/2026\r\n"
                + "INV-3301,779912345602,0,350,0,2026-12-05\r\n"
                + "\r\n";

        var records = PayoutStatement.read(csv);

        assertEquals(2, records.size());
        var paid = records.get(0);
        assertEquals("779912345601", paid.trackingNumber());
        assertEquals(Money.pkr(233_900), paid.collected());
        assertEquals(Optional.of(Money.pkr(20_880)), paid.charges());
        assertEquals(Money.pkr(213_020), paid.remitted());
        assertEquals(LocalDate.of(2026, 12, 5), paid.remittedOn(), "day first, as Pakistani spreadsheets write dates");
        assertEquals("INV-3301", paid.reference());
        assertTrue(records.get(1).isDeduction());
        assertEquals(Optional.of(Money.pkr(35_000)), records.get(1).charges());
    }

    @Test
    void givenBadLines_whenRead_thenTheWholeStatementIsRefusedNamingEachLine() {
        String csv = "tracking_number,collected,charges,remitted,paid_on,reference\n"
                + "7799001,2339,200,2139,2026-12-05,INV-1\n"
                + "7799002,abc,200,2139,2026-12-05,INV-1\n"
                + "7799003,1000,0,1200,2026-12-05,INV-1\n"
                + "7799004,1000,0,1000,31/31/2026,INV-1\n";

        var refused = assertThrows(InvalidRequestException.class, () -> PayoutStatement.read(csv));

        assertEquals(3, refused.violations().size(), refused.violations().toString());
        assertEquals("line 3", refused.violations().get(0).field());
        assertTrue(refused.violations().get(0).reason().contains("collected"), refused.violations().toString());
        assertTrue(refused.violations().get(1).reason().contains("exceeds collected"), refused.violations().toString());
        assertTrue(refused.violations().get(2).reason().contains("paid_on"), refused.violations().toString());
    }

    @Test
    void givenNoHeaderOrNoLines_whenRead_thenRefusedSayingWhichColumnsAreNeeded() {
        var noColumns = assertThrows(InvalidRequestException.class,
                () -> PayoutStatement.read("cn,amount\n7799001,2339\n"));
        var empty = assertThrows(InvalidRequestException.class, () -> PayoutStatement.read(""));

        assertTrue(noColumns.violations().get(0).reason().contains("tracking_number"), noColumns.getMessage());
        assertTrue(empty.violations().get(0).reason().contains("header"), empty.getMessage());
    }
}
