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

/** What an operator looks at first: the server's providers, background jobs and backlogs. */
@Path("/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TijaratApplication.ADMIN)
public class AdminOperationsResource {

    @Inject
    OperationsStatus status;

    @Inject
    BackgroundJobs jobs;

    @GET
    @Path("/status")
    @Operation(summary = "Providers (state, breaker, last success and error, p99), background jobs, outbox and webhook "
            + "backlogs, open payment attempts by age")
    public OperationsStatus.Report status() {
        return status.report();
    }

    @GET
    @Path("/jobs")
    @Operation(summary = "Every background job: health, last run, last success, items done and failed, last error")
    public List<JobStatus> jobs() {
        return jobs.statuses();
    }

    @GET
    @Path("/jobs/{name}")
    @Operation(summary = "One background job")
    public JobStatus job(@PathParam("name") String name) {
        return jobs.status(name).orElseThrow(() -> new NotFoundException("no background job named " + name));
    }
}
