package io.tijarat.spi.notification;

/**
 * How a message reaches the customer. A later minor version may add channels; a provider is only
 * asked to send on channels it declares.
 */
public enum Channel {
    /** A text message to a mobile number; billed per part. */
    SMS,
    /** An e-mail. */
    EMAIL,
    /**
     * A WhatsApp message to a mobile number. Messages the shop starts are approved templates
     * ({@link MessageRequest#template()}); free text only within 24 hours of the customer's last message. Since SPI
     * 1.4.
     */
    WHATSAPP
}
