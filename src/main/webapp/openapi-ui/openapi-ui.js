// Loads the service's own contract; a token given with "Authorize" is kept for the tab's life only.
// Requests go to the origin this page came from: Payara lists its own listener addresses as the
// contract's servers, which behind a proxy or a port mapping are not what the browser can reach.
window.ui = SwaggerUIBundle({
    url: new URL("../openapi", window.location.href).toString(),
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: false,
    requestInterceptor: (request) => {
        const target = new URL(request.url, window.location.href);
        if (target.pathname.startsWith("/beta/")) {
            request.url = new URL(target.pathname + target.search, window.location.origin).toString();
        }
        return request;
    },
});
