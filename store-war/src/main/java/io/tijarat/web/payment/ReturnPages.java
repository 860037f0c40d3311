package io.tijarat.web.payment;

import io.tijarat.core.payment.inbound.CustomerReturns;
import io.tijarat.spi.payment.CustomerAction;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The few HTML pages a returning customer may see from the server itself: a form that carries them on to
 * the gateway's next step, and a landing page for shops without a storefront return URL. Every value is
 * escaped; nothing is cached; no referrer leaks the gateway's parameters.
 */
final class ReturnPages {

    /** What a page says, in English and Urdu. */
    record Text(String title, String english, String urdu) {
    }

    private ReturnPages() {
    }

    static Text unknownProvider() {
        return new Text("Payment", "This payment method is not available. Your order is safe; please contact the shop.",
                "یہ ادائیگی کا طریقہ دستیاب نہیں۔ آپ کا آرڈر محفوظ ہے؛ براہِ کرم دکان سے رابطہ کریں۔");
    }

    static Text notOurs() {
        return new Text("Payment", "We could not read the payment service's answer. We are confirming your payment"
                + " with them and will send you a message; you do not need to pay again.",
                "ہم ادائیگی سروس کا جواب نہیں پڑھ سکے۔ ہم آپ کی ادائیگی کی تصدیق کر رہے ہیں اور آپ کو پیغام بھیجیں گے؛"
                        + " دوبارہ ادائیگی نہ کریں۔");
    }

    static Text landing(CustomerReturns.Landing landing) {
        String number = landing.orderNumber();
        return switch (landing.outcome()) {
            case "paid" -> new Text("Order " + number, "Thank you! Order " + number + " is paid.",
                    "شکریہ! آرڈر " + number + " کی ادائیگی ہو گئی ہے۔");
            case "failed" -> new Text("Order " + number, "The payment for order " + number + " did not go through."
                    + " Nothing was charged; you can try again or choose another way to pay.",
                    "آرڈر " + number + " کی ادائیگی نہیں ہو سکی۔ کوئی رقم نہیں کٹی؛ دوبارہ کوشش کریں یا ادائیگی کا"
                            + " کوئی اور طریقہ چنیں۔");
            default -> new Text("Order " + number, "We are confirming the payment for order " + number
                    + " and will send you a message. You do not need to pay again.",
                    "ہم آرڈر " + number + " کی ادائیگی کی تصدیق کر رہے ہیں اور آپ کو پیغام بھیجیں گے۔ دوبارہ ادائیگی نہ کریں۔");
        };
    }

    static Response page(Response.Status status, Text text) {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(text.title()) + "</title></head><body>"
                + "<p lang=\"en\">" + escape(text.english()) + "</p>"
                + "<p lang=\"ur\" dir=\"rtl\">" + escape(text.urdu()) + "</p>"
                + "</body></html>";
        return html(status, html);
    }

    /** A form that posts itself to the gateway; the button is there for browsers without JavaScript. */
    static Response autoPost(CustomerAction.Redirect next) {
        StringBuilder form = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<title>Continue to payment</title></head><body onload=\"document.forms[0].submit()\">"
                + "<form method=\"post\" action=\"").append(escape(next.target().toString())).append("\">");
        for (Map.Entry<String, String> field : next.fields().entrySet()) {
            form.append("<input type=\"hidden\" name=\"").append(escape(field.getKey()))
                    .append("\" value=\"").append(escape(field.getValue())).append("\">");
        }
        form.append("<noscript><button type=\"submit\">Continue to payment</button></noscript></form></body></html>");
        return html(Response.Status.OK, form.toString());
    }

    private static Response html(Response.Status status, String html) {
        return Response.status(status).type("text/html; charset=UTF-8").entity(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
