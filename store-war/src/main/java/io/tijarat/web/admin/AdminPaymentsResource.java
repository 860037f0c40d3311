package io.tijarat.web.admin;

import io.tijarat.core.payment.inbound.EventView;
import io.tijarat.core.payment.inbound.ProviderEvent;
import io.tijarat.core.payment.inbound.ProviderEvents;
import io.tijarat.core.payment.reconciliation.Reconciler;
import io.tijarat.web.TijaratApplication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.Consumes;
import io.tijarat.core.payment.banktransfer.BankTransfers;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Payment operations for admins: received provider events (and replaying one), running the reconciler now. */
@Path("/admin/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TijaratApplication.ADMIN)
@Tag(name = "Admin: payments", description = "Roles: admin.")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
// Bodies: META-INF/openapi.yaml. 401/403 are answered before the method runs.
public class AdminPaymentsResource {

    @Inject
    ProviderEvents events;

    @Inject
    Reconciler reconciler;

    @Inject
    io.tijarat.core.payment.inbound.StaleEventSweep staleEvents;

    @Inject
    io.tijarat.core.jobs.BackgroundJobs jobs;

    @Inject
    BankTransfers bankTransfers;

    @Context
    SecurityContext security;


    /** What a replay did. */
    public record Replayed(String eventId, String outcome) {
    }

    @GET
    @Path("/events")
    @Operation(operationId = "listPaymentEvents",
            summary = "The latest provider events (IPN/webhooks) received, newest first")
    @APIResponse(responseCode = "200", ref = "EventList")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<EventView> events() {
        return events.recent(200).stream().map(EventView::of).toList();
    }

    @POST
    @Path("/events/{eventId}/replay")
    @Operation(operationId = "replayPaymentEvent",
            summary = "Apply a received event again (idempotent: an applied event changes nothing twice)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Replayed")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Replayed replay(@PathParam("eventId") String eventId) {
        return new Replayed(eventId, events.apply(eventId));
    }

    @POST
    @Path("/bank-statements")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(operationId = "uploadBankStatement",
            summary = "Upload a bank statement (CSV) to confirm bank transfers automatically",
            description = "Each credit line is matched to an order by the order number in its description and the "
                    + "amount. Exact matches are confirmed; everything else is reported with a verdict (SHORT, OVER, "
                    + "LATE, ORDER_ALREADY_PAID, UNKNOWN_ORDER, NO_ORDER_NUMBER with candidate orders). Uploading the "
                    + "same statement again confirms nothing twice.")
    @RequestBody(required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(ref = "BankStatement")))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "StatementResult")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public BankTransfers.StatementResult statement(String csv) {
        return bankTransfers.matchStatement(csv == null ? "" : csv, "admin:" + security.getUserPrincipal().getName());
    }

    @POST
    @Path("/reconcile")
    @Operation(operationId = "runReconciler",
            summary = "Run the payment reconciler now instead of waiting for its schedule")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReconcilerRun")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Reconciler.Run reconcile() {
        // the two payment jobs, each under its own lock and recorded like a scheduled run
        Reconciler.Run run = jobs.runNow(reconciler.name(), reconciler::runOnce,
                r -> new io.tijarat.core.jobs.JobResult(r.looked(), r.failed(), null));
        int applied = jobs.runNow(staleEvents.name(), staleEvents::run, r -> r).done();
        return new Reconciler.Run(run.looked(), run.settled() + applied, run.expired(), run.failed(), run.refunds());
    }
}
