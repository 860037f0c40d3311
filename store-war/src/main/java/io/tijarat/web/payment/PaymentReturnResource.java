package io.tijarat.web.payment;

import io.tijarat.core.inbound.InboundEvents;
import io.tijarat.core.payment.inbound.CustomerReturns;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.payment.CustomerAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET|POST /api/payments/return/{providerId}}: where a gateway's hosted page sends the customer's
 * browser back (JazzCash posts a signed form, EasyPaisa redirects twice). The plugin verifies the request
 * like a notification; a verified result is stored once and applied at once through the same settlement
 * path as notifications and inquiry; then the browser goes on to the storefront
 * ({@code tijarat.storefront.return-url}, with {@code {orderNumber}}, {@code {orderId}} and
 * {@code {outcome}} filled in) or, without one, to a small page of our own. A request that cannot be
 * verified changes nothing: the customer is told the payment is being confirmed, and inquiry settles it.
 */
@Path("/payments/return")
@RequestScoped
@Tag(name = "Payments")
// Bodies: META-INF/openapi.yaml. The answers are for a browser: a redirect or a small HTML page.
public class PaymentReturnResource {

    @Inject
    InboundEvents inbound;

    @Inject
    io.tijarat.core.config.TijaratSettings settings;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servletRequest;

    /** The sender's address handed to the plugin: behind a trusted proxy, the forwarded one. */
    @Inject
    io.tijarat.web.ratelimit.ClientAddresses clients;

    @GET
    @Path("/{providerId}")
    @Operation(operationId = "customerReturnGet",
            summary = "A customer's browser returning from a gateway's hosted checkout (redirect)")
    @APIResponse(responseCode = "200", ref = "ReturnPage")
    @APIResponse(responseCode = "303", ref = "ReturnRedirect")
    @APIResponse(responseCode = "400", ref = "ReturnRefused")
    @APIResponse(responseCode = "404", ref = "ReturnUnknownProvider")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response returnedByRedirect(@PathParam("providerId") String providerId) {
        return handle(providerId, "GET", new byte[0]);
    }

    @POST
    @Path("/{providerId}")
    @Operation(operationId = "customerReturnPost",
            summary = "A customer's browser returning from a gateway's hosted checkout (form post)")
    @RequestBody(ref = "GatewayForm")
    @APIResponse(responseCode = "200", ref = "ReturnPage")
    @APIResponse(responseCode = "303", ref = "ReturnRedirect")
    @APIResponse(responseCode = "400", ref = "ReturnRefused")
    @APIResponse(responseCode = "404", ref = "ReturnUnknownProvider")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response returnedByPost(@PathParam("providerId") String providerId, byte[] body) {
        return handle(providerId, "POST", body == null ? new byte[0] : body);
    }

    private Response handle(String providerId, String method, byte[] body) {
        var request = new CallbackRequest(CallbackRequest.Source.CUSTOMER_RETURN, method, publicRequestUri(providerId),
                java.net.http.HttpHeaders.of(headers.getRequestHeaders(), (name, value) -> true), body,
                Optional.ofNullable(clients.of(servletRequest)));
        return inbound.customerReturn(providerId, request).map(
                PaymentReturnResource::onward,
                this::landing,
                reason -> ReturnPages.page(Response.Status.BAD_REQUEST, ReturnPages.notOurs()),
                reason -> ReturnPages.page(Response.Status.NOT_FOUND, ReturnPages.unknownProvider()));
    }

    /**
     * The address the customer's browser used, as the shop's public URL: a plugin may send the browser back to
     * it (EasyPaisa's second step), and behind a proxy the request's own address is an internal one. The query
     * string is kept byte for byte.
     */
    private URI publicRequestUri(String providerId) {
        URI received = uri.getRequestUri();
        return settings.publicUrl().map(String::strip).filter(u -> !u.isEmpty())
                .map(u -> URI.create((u.endsWith("/") ? u.substring(0, u.length() - 1) : u) + "/api/payments/return/"
                        + URLEncoder.encode(providerId, StandardCharsets.UTF_8)
                        + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery())))
                .orElse(received);
    }

    /** The next step of a hosted checkout: a plain redirect, or a form the browser submits itself. */
    private static Response onward(CustomerAction.Redirect next) {
        if (next.method() == CustomerAction.Redirect.HttpMethod.GET) {
            return Response.seeOther(next.target()).header("Cache-Control", "no-store").build();
        }
        return ReturnPages.autoPost(next);
    }

    private Response landing(CustomerReturns.Landing landing) {
        Optional<String> template = settings.storefrontReturnUrl().map(String::strip).filter(t -> !t.isEmpty());
        if (template.isPresent()) {
            String target = template.get()
                    .replace("{orderNumber}", encode(landing.orderNumber()))
                    .replace("{orderId}", encode(landing.orderId()))
                    .replace("{outcome}", landing.outcome());
            return Response.seeOther(URI.create(target)).header("Cache-Control", "no-store").build();
        }
        return ReturnPages.page(Response.Status.OK, ReturnPages.landing(landing));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
