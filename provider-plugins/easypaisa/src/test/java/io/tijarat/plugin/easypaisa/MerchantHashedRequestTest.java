package io.tijarat.plugin.easypaisa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Secret;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentMethod;
import io.tijarat.spi.payment.PaymentOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code merchantHashedReq}: AES-128-ECB with PKCS5 padding under the hash key, base64. The expected values
 * were computed once, independently of this code, with OpenSSL 3.0:
 *
 * <pre>
 * KEY=Hk3Vq8Zt1Lp6Wm2R                                  # hex 486b335671385a74314c7036576d3252
 * printf '%s' "$PLAIN" | openssl enc -aes-128-ecb -K 486b335671385a74314c7036576d3252 -base64 -A
 * </pre>
 *
 * (OpenSSL pads with PKCS#7, which for 16-byte blocks is what Java calls PKCS5Padding.)
 */
class MerchantHashedRequestTest {

    private static final Secret KEY = Secret.of("Hk3Vq8Zt1Lp6Wm2R");

    /** The classic shape from EasyPaisa's sample integration: {@code amount=20.0&…&storeId=…}. */
    private static final String SHORT_PLAIN = "amount=20.0&autoRedirect=0&orderRefNum=1101&storeId=3223";
    private static final String SHORT_OPENSSL =
            "1nqTaQROW7a9QU85H5/+iEOer6O+EfDLbJ+rDxdD85rcxTbwdede7CufHA+9vq7ybm64zqxLZG0drZWEXx2UFw==";

    /** What the plugin must encrypt for the hosted-checkout request built in the last test. */
    private static final String FULL_PLAIN = "amount=1500.0&autoRedirect=1&emailAddr=ayesha@example.pk"
            + "&expiryDate=20250303 110000&mobileNum=03001234567&orderRefNum=T7K2M9Q4X1B8C3D5"
            + "&paymentMethod=MA_PAYMENT_METHOD"
            + "&postBackURL=https://shop.example.pk/api/payments/easypaisa/return?attempt=T7K2M9Q4X1B8C3D5"
            + "&storeId=43210";
    private static final String FULL_OPENSSL = "eXijuNJPzV9RCqMqrPVDfTFXRW8GnxijIfyMx2DTlzeipz3MP0J0C2yxs/pPBd+NNsh"
            + "SWOvUBTv66QPw6reB5Zr7E5rbcuKbxfvxjDThEjnvW9aspufd24OJjiLDVEdlr1F5g/SmPjwSXYHAUhrnSHZgYtbN1cAw2T4UhY7DKoeh"
            + "L0ncqLLLDDd39/rTUnMhAjm9zpqt0unTt4Mp/+UaovnK7fA7HUkPZ052AbhwWq3WRkuzOxuuGgW3kM3dTMep51fCw18wwEOdVqk2V0V"
            + "kzH0HQP4HstauIV+RbIFGO1pozbHV1WGqEMdwyvNsKfUBig7jBFL5xcyfn//eo/834wpJo5myO5Di1T3pJMo94w4=";

    @Test
    void givenAFixedKeyAndText_whenEncrypted_thenTheResultIsWhatOpenSslComputed() {
        assertEquals(SHORT_OPENSSL, MerchantHashedRequest.encrypt(SHORT_PLAIN, KEY));
        assertEquals(FULL_OPENSSL, MerchantHashedRequest.encrypt(FULL_PLAIN, KEY));
    }

    @Test
    void givenAnotherKey_whenEncrypted_thenTheResultDiffers() {
        assertNotEquals(SHORT_OPENSSL, MerchantHashedRequest.encrypt(SHORT_PLAIN, Secret.of("Hk3Vq8Zt1Lp6Wm2S")));
    }

    @Test
    void givenFormFieldsInAnyOrder_whenTheTextIsBuilt_thenKeysAreAlphabeticalAndEmptyOnesAndTheHashAreLeftOut() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("storeId", "3223");
        form.put("orderRefNum", "1101");
        form.put("paymentMethod", "");
        form.put("amount", "20.0");
        form.put("merchantHashedReq", "whatever");
        form.put("autoRedirect", "0");

        assertEquals(SHORT_PLAIN, MerchantHashedRequest.plainText(form));
    }

    @Test
    void givenAValueWithUrlCharacters_whenTheTextIsBuilt_thenItGoesInRawNotUrlEncoded() {
        String text = MerchantHashedRequest.plainText(Map.of("postBackURL", "https://s.pk/r?attempt=A1B2C3D4&x=1"));

        assertEquals("postBackURL=https://s.pk/r?attempt=A1B2C3D4&x=1", text);
    }

    @Test
    void givenAWalletOrderOnTheHostedPage_whenStarted_thenTheFormCarriesTheOpenSslValueForItsFields() {
        TestProviderContext context = Fixtures.context(null).build();
        IdempotencyKey attemptId = IdempotencyKey.of("T7K2M9Q4X1B8C3D5");

        PaymentOutcome outcome = new EasyPaisaProviderFactory().create(context)
                .start(Fixtures.order(attemptId).method(PaymentMethod.WALLET).build());

        CustomerAction.Redirect redirect = assertInstanceOf(CustomerAction.Redirect.class,
                assertInstanceOf(PaymentOutcome.Pending.class, outcome).next());
        assertEquals(FULL_PLAIN, MerchantHashedRequest.plainText(redirect.fields()));
        assertEquals(FULL_OPENSSL, redirect.fields().get("merchantHashedReq"));
        assertFalse(redirect.fields().containsValue(KEY.reveal()), "the hash key never goes into the form");
    }
}
