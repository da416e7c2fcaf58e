package org.graphstatus.testing;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one server of every black-box test class of a run: started by the first class that asks for it, as the
 * README starts it ({@link PayaraProcess}), and stopped when the run ends. A server per class cost a boot
 * each, the larger part of CI's time, and a server that takes every class's requests in turn is also closer
 * to a deployment than twenty fresh ones. Classes therefore make their own apps and never assume an empty
 * database, as they must anyway on PostgreSQL, where every class shares one database.
 */
public final class SharedServer implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SharedServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GraphClient.class;
    }

    @Override
    public GraphClient resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class).server.graph();
    }

    /** Closed by JUnit when the run ends. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final PayaraProcess server;

        Running() {
            // Its H2 file in its own folder: the in-container tests' servers run beside it on the build's one.
            server = PayaraProcess.start(Path.of("target", "shared-server"), "SharedServer", PayaraProcess.freePort(), Map.of());
            System.out.println("SharedServer: its log is " + server.log().toAbsolutePath());
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
