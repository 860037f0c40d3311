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

/**
 * Fulfilment for staff: run tracking and remittance now, the COD remittance report. (Booking an order's
 * courier is {@code POST /api/admin/orders/{id}/fulfil}, next to the other order actions.)
 */
@Path("/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({TijaratApplication.ADMIN, TijaratApplication.STAFF})
public class AdminFulfilmentResource {

    @Inject
    Fulfilment fulfilment;

    @Inject
    Remittances remittances;

    @POST
    @Path("/shipments/track")
    @Operation(summary = "Track due parcels and pull COD remittances now instead of waiting for the schedule")
    public Fulfilment.Run track() {
        return fulfilment.runOnce();
    }

    @GET
    @Path("/cod/remittances")
    @Operation(summary = "COD remittance mismatches: short, returned-but-charged, unknown parcels, and missing payouts")
    public Remittances.Report report(@QueryParam("graceDays") @DefaultValue("7") int graceDays) {
        return remittances.report(Duration.ofDays(QueryParams.range("graceDays", graceDays, 0, 365)));
    }
}
