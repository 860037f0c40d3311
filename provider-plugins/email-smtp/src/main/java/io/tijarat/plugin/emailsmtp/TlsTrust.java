package io.tijarat.plugin.emailsmtp;

import io.tijarat.spi.PermanentProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which server certificates this provider trusts for STARTTLS: the JDK's CAs, or exactly the certificates in
 * the {@code truststore} PEM file (a private CA, a shop's self-signed relay). Built once, in {@code create},
 * so a missing or unreadable file stops the provider at start-up; the factory it returns is thread-safe.
 */
final class TlsTrust {

    private TlsTrust() {
    }

    /** @throws PermanentProviderException naming the truststore key, if the file cannot be used */
    static SSLSocketFactory socketFactory(SmtpSettings settings) {
        String key = settings.keys().truststore();
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            // A null key store means the JDK's own CAs (cacerts), as every HTTPS client in the JDK uses them.
            trust.init(settings.truststore().isPresent() ? load(settings.truststore().get(), key) : null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new PermanentProviderException("cannot set up TLS with the certificates of " + key + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static KeyStore load(Path file, String key) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new PermanentProviderException(key + " names " + file + ", which cannot be read ("
                    + e.getClass().getSimpleName() + "): set it to a readable PEM file of the certificates to trust,"
                    + " or unset it to trust the JDK's CAs", e);
        } catch (GeneralSecurityException e) {
            throw new PermanentProviderException(key + " names " + file + ", which is not a PEM file of X.509"
                    + " certificates (" + e.getMessage() + ")", e);
        }
        if (certificates.isEmpty()) {
            throw new PermanentProviderException(key + " names " + file + ", which holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("trusted-" + index++, certificate);
        }
        return store;
    }
}
