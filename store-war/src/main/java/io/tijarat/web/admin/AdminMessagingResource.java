package io.tijarat.web.admin;

import io.tijarat.core.contact.CodConfirmations;
import io.tijarat.core.contact.ConsentEvent;
import io.tijarat.core.contact.ConsentLedger;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.problem.InvalidInputException;
import io.tijarat.web.problem.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What customers said back: the queue of cash-on-delivery orders waiting for confirmation (with their replies and
 * whether to call now), and the consent ledger for promotional messages.
 */
@Path("/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({TijaratApplication.ADMIN, TijaratApplication.STAFF})
@Tag(name = "Admin: customer replies and consent", description = "Roles: admin, staff.")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
// Bodies: META-INF/openapi.yaml. 401/403 are answered before the method runs.
public class AdminMessagingResource {

    @Inject
    CodConfirmations confirmations;

    @Inject
    ConsentLedger consent;

    @Inject
    io.tijarat.core.outbox.Promotions promotions;

    @Inject
    io.tijarat.core.outbox.TemplatePreviews previews;

    @Context
    SecurityContext security;

    /** A consent entry as staff see it. */
    public record ConsentEntry(long id, boolean granted, String source, String actor, String evidence, Instant at) {
        static ConsentEntry of(ConsentEvent e) {
            return new ConsentEntry(e.id(), e.granted(), e.source().name(), e.actor(), e.evidence(), e.at());
        }
    }

    /** A phone's consent now, and every entry behind it, newest first. */
    public record ConsentView(String phone, boolean promotionsAllowed, List<ConsentEntry> history) {
        static ConsentView of(ConsentLedger.Standing standing) {
            return new ConsentView(standing.phone(), standing.granted(),
                    standing.history().stream().map(ConsentEntry::of).toList());
        }
    }

    /** The body of {@code POST /api/admin/promotions}: the text per language, and whether only to count. */
    public record PromotionRequest(java.util.Map<String, String> text, Boolean dryRun) {
    }

    /** The body of {@code POST /api/admin/consent}: what the customer told staff, and how. */
    public record ConsentChange(String phone, Boolean granted, String note) {
    }

    @GET
    @Path("/cod-confirmations")
    @Operation(operationId = "listCodConfirmations", summary = "Cash-on-delivery orders waiting for the customer's"
            + " confirmation, longest-waiting first, with the customer's replies and whether to call now")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "CodConfirmationList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<CodConfirmations.Waiting> codConfirmations() {
        return confirmations.waiting(200);
    }

    @GET
    @Path("/consent")
    @Operation(operationId = "getConsent", summary = "A phone's consent to promotional messages and its ledger")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ConsentView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ConsentView consent(@QueryParam("phone") @Parameter(description = "a Pakistani number, e.g. 03001234567",
            required = true) String phone) {
        return ConsentView.of(consent.standing(phone("phone", phone)));
    }

    @POST
    @Path("/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordConsent", summary = "Record that a customer agreed to, or refused, promotional"
            + " messages (a call, a letter): appended to the ledger with who recorded it; takes effect at once")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsentChange")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ConsentView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ConsentView record(ConsentChange change) {
        if (change == null) {
            throw new InvalidInputException("body", "is required: {\"phone\", \"granted\", \"note\"}");
        }
        String phone = phone("phone", change.phone());
        if (change.granted() == null) {
            throw new InvalidInputException("granted", "is required: true (agreed) or false (refused)");
        }
        if (change.note() == null || change.note().isBlank()) {
            throw new InvalidInputException("note", "is required: how the customer said so (a call on …, a letter)");
        }
        String note = QueryParams.maxLength("note", change.note().strip(), 300);
        consent.record(phone, change.granted(), ConsentEvent.Source.ADMIN,
                "staff:" + security.getUserPrincipal().getName(), note);
        return ConsentView.of(consent.standing(phone));
    }

    @POST
    @Path("/promotions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(TijaratApplication.ADMIN)
    @Operation(operationId = "sendPromotion", summary = "A promotional SMS to every customer who agreed to them, in their"
            + " language, with the opt-out instruction appended; dryRun counts recipients and cost without sending",
            description = "Roles: admin. Written to the outbox (daily caps apply); consent is read again when each message"
                    + " goes out, so a STOP meanwhile still stops it.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PromotionRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Campaign")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public io.tijarat.core.outbox.Promotions.Campaign promote(PromotionRequest request) {
        if (request == null || request.text() == null) {
            throw new InvalidInputException("text", "is required: {\"en\": \"…\", \"ur\": \"…\"}");
        }
        for (String locale : request.text().keySet()) {
            if (!locale.equals("en") && !locale.equals("ur")) {
                throw new InvalidInputException("text." + locale, "is not a language the shop writes in (en, ur)");
            }
        }
        return promotions.send(request.text().get("en"), request.text().get("ur"), Boolean.TRUE.equals(request.dryRun()));
    }

    @GET
    @Path("/templates/preview")
    @Operation(operationId = "previewTemplate", summary = "An event's message in a language, with sample values: the"
            + " e-mail text, and the SMS as the active gateway would send it (language, encoding, parts, cost)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "TemplatePreview")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public io.tijarat.core.outbox.TemplatePreviews.Preview preview(
            @QueryParam("event") @Parameter(description = "ORDER_PLACED, ORDER_SHIPPED, …", required = true) String event,
            @QueryParam("locale") @Parameter(description = "en or ur") @jakarta.ws.rs.DefaultValue("en") String locale) {
        return previews.preview(event, locale);
    }

    private static String phone(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required: a Pakistani number, e.g. 03001234567");
        }
        try {
            return PhoneNumber.fromPakistani(value.strip()).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a Pakistani number: " + e.getMessage());
        }
    }
}
