package io.tijarat.plugin.jazzcash.stub;

import java.util.Map;

/**
 * The stub's HTML: JazzCash's firewall page, an error page, a checkout page with three buttons, and the
 * page that posts the signed result back to the merchant's {@code pp_ReturnURL}, as JazzCash's does.
 */
final class StubPages {

    /** What JazzCash's firewall answers, with HTTP 200, from a geo-blocked region. */
    static final String FIREWALL = "<html><head><title>Request Rejected</title></head><body>The requested URL was"
            + " rejected. Please consult with your administrator.<br><br>Your support ID is: 13513788218361546312"
            + "<br><br><a href='javascript:history.back();'>[Go Back]</a></body></html>";

    private StubPages() {
    }

    static StubBehaviour.Reply error(String code, String message) {
        return html("<h1>JazzCash (stub)</h1><p>Error " + escape(code) + ": " + escape(message) + "</p>");
    }

    /** The customer's choice: pay (000), decline (the stub's decline code), or take a voucher (124). */
    static StubBehaviour.Reply checkout(StubTransaction txn, String donePath) {
        StringBuilder page = new StringBuilder("<h1>JazzCash checkout (stub)</h1><p>Bill ")
                .append(escape(txn.billReference())).append(", amount ").append(txn.amount() / 100).append('.')
                .append(String.format("%02d", txn.amount() % 100)).append(" PKR, reference ")
                .append(escape(txn.reference())).append("</p>");
        for (String[] choice : new String[][] {{"pay", "Pay"}, {"decline", "Decline"}, {"voucher", "Get a voucher"}}) {
            page.append("<form method='post' action='").append(donePath).append("'>")
                    .append("<input type='hidden' name='ref' value='").append(escape(txn.reference())).append("'>")
                    .append("<input type='hidden' name='choice' value='").append(choice[0]).append("'>")
                    .append("<button type='submit'>").append(choice[1]).append("</button></form>");
        }
        return html(page.toString());
    }

    /** A form that posts {@code fields} to {@code target} as soon as the browser loads it. */
    static StubBehaviour.Reply autoPost(String target, Map<String, String> fields) {
        StringBuilder page = new StringBuilder("<form id='back' method='post' action='").append(escape(target))
                .append("'>");
        fields.forEach((name, value) -> page.append("<input type='hidden' name='").append(escape(name))
                .append("' value='").append(escape(value)).append("'>"));
        page.append("<noscript><button type='submit'>Continue</button></noscript></form>")
                .append("<script>document.getElementById('back').submit();</script>");
        return html(page.toString());
    }

    private static StubBehaviour.Reply html(String body) {
        return new StubBehaviour.Reply(200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><meta charset='utf-8'><title>JazzCash stub</title></head><body>" + body
                        + "</body></html>", 0);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }
}
