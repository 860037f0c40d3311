package io.tijarat.web.admin;

import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.provider.ShippingProviders;
import io.tijarat.core.shipment.Fulfilment;
import io.tijarat.core.shipment.PayoutStatement;
import io.tijarat.core.shipment.Remittances;
import io.tijarat.core.shipment.ShipmentLedger;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.problem.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fulfilment for staff: a shipment, its label, cancelling it before pickup, run tracking and remittance now, the COD
 * remittance report. (Booking an order's
 * courier is {@code POST /api/admin/orders/{id}/fulfil}, next to the other order actions.)
 */
@Path("/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({TijaratApplication.ADMIN, TijaratApplication.STAFF})
@Tag(name = "Admin: fulfilment", description = "Roles: admin, staff.")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
// Bodies: META-INF/openapi.yaml. 401/403 are answered before the method runs.
public class AdminFulfilmentResource {

    @Inject
    Fulfilment fulfilment;

    @Inject
    Remittances remittances;

    @Inject
    ShipmentLedger ledger;

    @Inject
    ShippingProviders couriers;

    @POST
    @Path("/shipments/track")
    @Operation(operationId = "trackShipments",
            summary = "Track due parcels and pull COD remittances now instead of waiting for the schedule")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FulfilmentRun")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Fulfilment.Run track() {
        return fulfilment.runOnce();
    }

    @GET
    @Path("/shipments/{shipmentId}")
    @Operation(operationId = "shipment", summary = "A shipment: its status, the courier's last status, its label and error")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ShipmentLedger.View shipment(@PathParam("shipmentId") String shipmentId) {
        return ledger.view(ledger.find(QueryParams.maxLength("shipmentId", shipmentId, 20)).id());
    }

    @GET
    @Path("/shipments/{shipmentId}/label")
    @Produces({"application/pdf", "image/png", "image/jpeg", "text/html", MediaType.APPLICATION_OCTET_STREAM,
            MediaType.APPLICATION_JSON})
    @Operation(operationId = "shipmentLabel",
            summary = "The parcel's label (airway bill) to print: the document the courier gave (kept here), or a"
                    + " redirect (303) to the courier's link; fetched from the courier the first time if need be")
    @APIResponse(responseCode = "200", description = "The label document, in the courier's format (usually PDF)",
            content = @Content(mediaType = "application/pdf",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            format = "binary")))
    @APIResponse(responseCode = "303", description = "The courier hosts the label: follow Location")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response label(@PathParam("shipmentId") String shipmentId) {
        Fulfilment.Label label = fulfilment.label(QueryParams.maxLength("shipmentId", shipmentId, 20));
        if (label.content() != null) {
            return Response.ok(label.content(), label.mediaType())
                    .header("Content-Disposition", "inline; filename=\"label-" + shipmentId + "\"")
                    .header("Cache-Control", "private, no-store").build();
        }
        return Response.seeOther(URI.create(label.url())).build();
    }

    @POST
    @Path("/shipments/{shipmentId}/cancel")
    @Operation(operationId = "cancelShipment",
            summary = "Cancel a booked parcel at the courier, before pickup; the order can then be booked again",
            description = "The courier decides: a refusal (already picked up) is answered 200 with the reason in 'error'"
                    + " and the shipment unchanged; an answer that was lost leaves it to tracking to show.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ShipmentLedger.View cancel(@PathParam("shipmentId") String shipmentId) {
        return fulfilment.cancel(QueryParams.maxLength("shipmentId", shipmentId, 20));
    }

    @GET
    @Path("/cod/remittances")
    @Operation(operationId = "codRemittanceReport",
            summary = "COD remittance mismatches: short, returned-but-charged, unknown parcels, and missing payouts;"
                    + " one page of each list, with their totals")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RemittanceReport")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Remittances.Report report(
            @QueryParam("graceDays") @DefaultValue("7") @Schema(ref = "GraceDays") int graceDays,
            @QueryParam("page") @DefaultValue("0") @Schema(ref = "ReportPage") int page,
            @QueryParam("size") @DefaultValue("100") @Schema(ref = "ReportSize") int size) {
        return remittances.report(Duration.ofDays(QueryParams.range("graceDays", graceDays, 0, 365)),
                QueryParams.range("page", page, 0, 100_000), QueryParams.range("size", size, 1, Remittances.MAX_PAGE_SIZE));
    }

    /** What a payout statement added: its lines, and how many were new (a line already recorded is not added again). */
    public record StatementResult(int lines, int added) {
    }

    @POST
    @Path("/cod/remittances/{courierId}/statement")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(TijaratApplication.ADMIN)
    @Operation(operationId = "importPayoutStatement",
            summary = "Read a courier's COD payout statement (CSV saved from the courier's portal) into the remittance"
                    + " report: for couriers whose API reports no payout amounts (TCS). Columns, in any order:"
                    + " tracking_number, collected, charges, remitted, paid_on, reference; amounts in rupees; a line"
                    + " that collected nothing with charges is a returned parcel's deduction. All or nothing; a line"
                    + " read before is not added again. Admin only.")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Read; the report now includes its lines",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PayoutStatementResult")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public StatementResult statement(@PathParam("courierId") String courierId, String csv) {
        boolean installed = couriers.activeShipping().stream().anyMatch(d -> d.id().equals(courierId));
        if (!installed) {
            throw new NotFoundException("no active courier '" + QueryParams.maxLength("courierId", courierId, 64) + "'");
        }
        var records = PayoutStatement.read(csv);
        return new StatementResult(records.size(), remittances.record(courierId, records));
    }
}
