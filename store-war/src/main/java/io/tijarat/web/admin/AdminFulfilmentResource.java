package io.tijarat.web.admin;

import io.tijarat.core.shipment.Fulfilment;
import io.tijarat.core.shipment.Remittances;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.problem.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
 * Fulfilment for staff: run tracking and remittance now, the COD remittance report. (Booking an order's
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
}
