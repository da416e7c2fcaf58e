package org.graphstatus;

import java.util.Map;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.NodeTests;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's JavaScript Graph client ({@code @microsoft/microsoft-graph-client}, pinned in {@code src/test/js}),
 * a second official client written apart from the Java SDK of {@code GraphSdkIT}, against the deployed service.
 * The tests themselves are JavaScript ({@code *.test.js}), run by Node's own test runner ({@link NodeTests}).
 */
class GraphJavaScriptClientIT extends DeployedService {

    @Test
    void theJavaScriptClientPassesItsTests() throws Exception {
        NodeTests.run(graph.uri("").toString(), Map.of());
    }
}
