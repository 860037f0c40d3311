package io.tijarat.core.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.spi.payment.PaymentMethod;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a customer may choose at checkout, refused before any order is written when it makes no sense. */
class PaymentChoiceTest {

    @Test
    void givenNothing_whenChosen_thenTheGatewayOffersEverything() {
        assertEquals(new PaymentChoice(PaymentMethod.ANY, Optional.empty()), PaymentChoice.from(null, null));
    }

    @Test
    void givenOnlyAWallet_whenChosen_thenItIsAWalletPaymentInE164() {
        PaymentChoice choice = PaymentChoice.from(null, new CheckoutCommand.WalletInput("0345-1234567", " 345678 "));

        assertEquals(PaymentMethod.WALLET, choice.method());
        assertEquals("+923451234567", choice.wallet().orElseThrow().number().value());
        assertEquals(Optional.of("345678"), choice.wallet().orElseThrow().cnicLastSix());
    }

    @Test
    void givenALowerCaseMethod_whenChosen_thenItIsRead() {
        assertEquals(PaymentMethod.VOUCHER, PaymentChoice.from("voucher", null).method());
    }

    @ParameterizedTest(name = "{0} / {1} / {2} is refused naming {3}")
    @CsvSource(nullValues = "-", value = {
            "BITCOIN, -,            -,      paymentMethod",
            "CARD,    03001234567,  -,      wallet",
            "WALLET,  042-35761234, -,      wallet.number",
            "WALLET,  hello,        -,      wallet.number",
            "WALLET,  '',           -,      wallet.number",
            "WALLET,  03001234567,  12345,  wallet.cnicLastSix",
            "WALLET,  03001234567,  4210112345671, wallet.cnicLastSix"})
    void givenAChoiceThatMakesNoSense_whenChosen_thenTheFieldIsNamed(String method, String number, String cnic, String field) {
        CheckoutCommand.WalletInput wallet = number == null ? null : new CheckoutCommand.WalletInput(number, cnic);

        var refused = assertThrows(InvalidRequestException.class, () -> PaymentChoice.from(method, wallet));

        assertTrue(refused.getMessage().startsWith(field + ":"), refused.getMessage());
    }
}
