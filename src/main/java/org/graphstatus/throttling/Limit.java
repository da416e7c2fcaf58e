package org.graphstatus.throttling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One published limit: at most {@code requests} in a window, counted per tenant, or per app or user in the
 * tenant, over all requests or writes only. Its name is the setting's ({@code graph.throttling.<name>}) and
 * the {@code limit} tag of the throttled-requests metric.
 */
record Limit(String name, int requests, boolean writesOnly, Per per) {

    /** Whose requests a limit counts together. */
    enum Per {
        TENANT("per tenant"), APP("per app in the tenant"), USER("per user in the tenant");

        final String words;

        Per(String words) {
            this.words = words;
        }
    }

    /** The longest tenant or app id kept as it is in a counter's key; longer ones are hashed. */
    private static final int LONGEST_ID = 64;

    boolean covers(boolean write) {
        return write || !writesOnly;
    }

    /** The key of this limit's counter for a caller: the limit, the tenant and, per app or user, that one. */
    String bucket(String tenant, String app, String user) {
        return name + "/" + shortened(tenant) + switch (per) {
            case TENANT -> "";
            case APP -> "/" + shortened(app);
            case USER -> "/" + shortened(user);
        };
    }

    /** Ids come from verified tokens, but their length is the issuer's choice and the key's column is not. */
    private static String shortened(String id) {
        if (id.length() <= LONGEST_ID) {
            return id;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
