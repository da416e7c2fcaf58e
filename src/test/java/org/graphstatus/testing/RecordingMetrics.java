package org.graphstatus.testing;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;

/**
 * MicroProfile Metrics instruments for unit tests, which have no metrics runtime: each adds what it is given
 * ({@code update}'s value, {@code inc}'s amount or 1) to a list the test reads. Counts and snapshots are not
 * kept; the code under test only records.
 */
public final class RecordingMetrics {

    private RecordingMetrics() {
    }

    public static <M> M recording(Class<M> instrument, List<Number> values) {
        return instrument.cast(Proxy.newProxyInstance(instrument.getClassLoader(), new Class<?>[] {instrument},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "update" -> values.add(args[0] instanceof Duration duration ? duration.toNanos() : (Number) args[0]);
                        case "inc" -> values.add(args == null ? 1L : (Number) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                }));
    }
}
