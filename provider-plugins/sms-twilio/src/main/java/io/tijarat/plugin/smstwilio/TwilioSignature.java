package io.tijarat.plugin.smstwilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}), as twilio.com/docs/usage/webhooks/webhooks-security
 * describes it and Twilio's SDKs compute it: the full URL Twilio requested (with its query string), then each POST
 * parameter sorted by name, name and value appended with no separator; HMAC-SHA1 keyed with the Auth Token; Base64.
 */
public final class TwilioSignature {

    private TwilioSignature() {
    }

    /** The signature of a request to {@code url} with the form {@code parameters}. */
    public static String of(String authToken, String url, Map<String, String> parameters) {
        var data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /**
     * Whether {@code given} signs the request, in constant time. Like Twilio's SDKs, an https URL is tried both with
     * and without its default port, since proxies add or drop {@code :443}.
     */
    static boolean matches(String authToken, String url, Map<String, String> parameters, String given) {
        byte[] presented = given.getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String candidate : variants(url)) {
            ok |= MessageDigest.isEqual(of(authToken, candidate, parameters).getBytes(StandardCharsets.US_ASCII), presented);
        }
        return ok;
    }

    private static String[] variants(String url) {
        java.net.URI uri = java.net.URI.create(url);
        int standard = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String rest = (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String without = uri.getScheme() + "://" + uri.getHost() + rest;
        String with = uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? standard : uri.getPort()) + rest;
        return uri.getPort() < 0 || uri.getPort() == standard ? new String[] {url, without, with} : new String[] {url};
    }
}
