package org.graphstatus.odata.metadata;

/**
 * A structural property of a type in the service's {@code $metadata}. {@code type} is qualified without
 * {@code Collection(...)}, e.g. {@code Edm.String} or {@code microsoft.graph.mimeContent}; {@code computed} is
 * a read-only property, which only the server sets ({@code Org.OData.Core.V1.Computed}).
 */
public record EdmProperty(String name, String type, boolean collection, boolean nullable, boolean computed) {

    /** The type as the metadata and the error messages write it, e.g. {@code Collection(Edm.String)}. */
    public String typeName() {
        return collection ? "Collection(" + type + ")" : type;
    }

    public boolean primitive() {
        return type.startsWith("Edm.");
    }
}
