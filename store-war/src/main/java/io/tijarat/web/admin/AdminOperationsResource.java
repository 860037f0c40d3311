package io.tijarat.web.admin;

import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.jobs.BackgroundJobs;
import io.tijarat.core.jobs.JobStatus;
import io.tijarat.core.status.OperationsStatus;
import io.tijarat.web.TijaratApplication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What an operator looks at first: the server's providers, background jobs and backlogs. */
@Path("/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TijaratApplication.ADMIN)
@Tag(name = "Admin: operations", description = "Roles: admin.")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
public class AdminOperationsResource {

    @Inject
    OperationsStatus status;

    @Inject
    BackgroundJobs jobs;

    @GET
    @Path("/status")
    @Operation(operationId = "operationsStatus",
            summary = "Providers (state, breaker, last success and error, p99), background jobs, outbox and webhook "
            + "backlogs, open payment attempts by age")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OperationsReport")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public OperationsStatus.Report status() {
        return status.report();
    }

    @GET
    @Path("/jobs")
    @Operation(operationId = "listJobs",
            summary = "Every background job: health, last run, last success, items done and failed, last error")
    @APIResponse(responseCode = "200", ref = "JobList")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<JobStatus> jobs() {
        return jobs.statuses();
    }

    @GET
    @Path("/jobs/{name}")
    @Operation(operationId = "getJob", summary = "One background job")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobStatus")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public JobStatus job(@PathParam("name") String name) {
        return jobs.status(name).orElseThrow(() -> new NotFoundException("no background job named " + name));
    }
}
