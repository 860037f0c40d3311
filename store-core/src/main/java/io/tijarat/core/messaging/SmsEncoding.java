package io.tijarat.core.messaging;

/**
 * The two encodings an SMS is sent in. GSM 03.38 7-bit carries 160 septets in one part and 153 per part
 * once the text is split (7 septets go to the concatenation header); UCS-2 carries 70 UTF-16 code units,
 * 67 per part when split. Sources: 3GPP TS 23.038 (the alphabet and its extension table) and TS 23.040
 * (the 6-octet user data header of concatenated messages); the same limits are published by Twilio
 * ("What the Heck is a Segment?", twilio.com/docs/glossary/what-sms-character-limit) and by Pakistani
 * gateways' calculators (160/153 for English, 70/67 for Urdu).
 */
public enum SmsEncoding {
    /** GSM 03.38 default alphabet; extension-table characters take two septets. */
    GSM_7(160, 153),
    /** UCS-2 (UTF-16 code units): any text with a character outside GSM-7, e.g. Urdu. */
    UCS_2(70, 67);

    private final int singlePart;
    private final int perPart;

    SmsEncoding(int singlePart, int perPart) {
        this.singlePart = singlePart;
        this.perPart = perPart;
    }

    /** Units (septets or code units) that fit in a message sent as one part. */
    public int singlePart() {
        return singlePart;
    }

    /** Units that fit in each part of a split message. */
    public int perPart() {
        return perPart;
    }
}
