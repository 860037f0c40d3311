package io.tijarat.plugin.banktransfer;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * The shop's bank account and how long a customer has to pay into it, read and checked once at
 * start-up, so a mistyped IBAN stops the provider with a message naming the key instead of reaching a
 * customer's checkout. {@code expiry-hours} is declared a whole number from 1 to 720, which the core checks
 * before the provider is created; the IBAN's check digits, which no declared type knows, are checked here.
 *
 * @param accountTitle  the account holder's name, as the customer's bank shows it
 * @param bankName      the bank, e.g. "Meezan Bank"
 * @param iban          the account's IBAN, checked
 * @param accountNumber the bank's own account number, for customers whose app asks for it
 * @param branch        the branch, for customers who pay at a counter
 * @param payableFor    how long after checkout the transfer is still expected; 1 to 720 hours
 */
record BankTransferSettings(String accountTitle, String bankName, Iban iban, Optional<String> accountNumber,
                            Optional<String> branch, Duration payableFor) {

    static final int MAX_EXPIRY_HOURS = 720;

    static BankTransferSettings from(ProviderConfig config) {
        return new BankTransferSettings(
                config.require(BankTransferProviderFactory.ACCOUNT_TITLE).strip(),
                config.require(BankTransferProviderFactory.BANK_NAME).strip(),
                iban(config, BankTransferProviderFactory.IBAN),
                config.get(BankTransferProviderFactory.ACCOUNT_NUMBER).map(String::strip),
                config.get(BankTransferProviderFactory.BRANCH).map(String::strip),
                // Already a whole number from 1 to 720: the core checked the declared type.
                Duration.ofHours(Long.parseLong(config.require(BankTransferProviderFactory.EXPIRY_HOURS).strip())));
    }

    private static Iban iban(ProviderConfig config, String name) {
        String value = config.require(name).strip();
        try {
            return Iban.parse(value);
        } catch (IllegalArgumentException e) {
            // An IBAN is printed on every invoice the shop sends, not a secret: echoing it helps spot the typo.
            throw new PermanentProviderException(config.keyFor(name) + " " + e.getMessage() + ", was '" + value + "'");
        }
    }
}
