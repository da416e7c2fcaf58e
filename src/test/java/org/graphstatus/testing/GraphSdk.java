package org.graphstatus.testing;

import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.net.URI;
import java.util.Map;

/** The official Graph beta SDK for Java, unchanged but for its base URL: this service's /beta, with a token. */
public final class GraphSdk {

    private GraphSdk() {
    }

    public static GraphServiceClient client(GraphClient graph, String token) {
        var sdk = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator(graph.uri("").getHost());
            }
        }));
        String beta = graph.uri("").toString();
        sdk.getRequestAdapter().setBaseUrl(beta.substring(0, beta.length() - 1));
        return sdk;
    }
}
