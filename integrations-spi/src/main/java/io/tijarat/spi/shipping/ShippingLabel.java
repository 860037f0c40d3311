package io.tijarat.spi.shipping;

import io.tijarat.spi.internal.Checks;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * The airway bill (shipping slip) to print and stick on a parcel: either a link to the courier's
 * copy, or the document itself.
 */
public sealed interface ShippingLabel {

    /**
     * The courier hosts the label (Leopards {@code slip_link}). Only for a URL that is safe to show
     * staff and store: if it carries a credential (TCS puts the access token in the query), download
     * it and return a {@link Document} instead.
     *
     * @param url absolute
     */
    record Link(URI url) implements ShippingLabel {
        public Link {
            Checks.notNull(url, "url");
            if (!url.isAbsolute()) {
                throw new IllegalArgumentException("label url must be absolute, was " + url);
            }
        }
    }

    /**
     * The label itself (PostEx {@code get-invoice}). Immutable: the content is copied in and out.
     *
     * @param mediaType e.g. {@code application/pdf}
     * @param content   the document, not empty
     */
    record Document(String mediaType, byte[] content) implements ShippingLabel {
        public Document {
            Checks.notBlank(mediaType, "mediaType");
            Checks.notNull(content, "content");
            if (content.length == 0) {
                throw new IllegalArgumentException("label content must not be empty");
            }
            content = content.clone();
        }

        /** A copy of the document. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Document that && mediaType.equals(that.mediaType)
                    && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mediaType, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Document[" + mediaType + ", " + content.length + " bytes]";
        }
    }
}
