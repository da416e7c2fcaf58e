package org.graphstatus.odata;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Graph's response headers on every answer from {@code /beta}: {@code OData-Version: 4.0}, and on JSON
 * answers (errors included) the content type Graph writes, parameters in Graph's order. Clients that check
 * the OData version or the metadata level read them; the string is set as is, because a {@code MediaType}
 * would sort its parameters.
 */
@Provider
public class ODataHeaders implements ContainerResponseFilter {

    static final String JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("OData-Version", "4.0");
        MediaType type = response.getMediaType();
        if (response.hasEntity() && type != null && type.getType().equals("application") && type.getSubtype().equals("json")) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, JSON);
        }
    }
}
