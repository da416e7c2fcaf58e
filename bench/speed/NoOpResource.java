package org.graphstatus.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ceiling of the benchmark, added to a copy of the WAR by bench/speed.sh and never to the product: a
 * POST that parses its JSON body like a create and answers 201 with it, with and without the token check.
 */
@ApplicationScoped
@Path("bench/noop")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class NoOpResource {

    @POST
    @PermitAll
    public Response open(JsonObject body) {
        return Response.status(201).entity(body).build();
    }

    @POST
    @Path("verified")
    @RolesAllowed("DeviceManagementApps.ReadWrite.All")
    public Response verified(JsonObject body) {
        return Response.status(201).entity(body).build();
    }
}
