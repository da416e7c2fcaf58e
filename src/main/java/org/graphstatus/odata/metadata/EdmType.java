package org.graphstatus.odata.metadata;

import java.util.List;

/** A type of the service's {@code $metadata}: structured (entity or complex) or an enum. */
public sealed interface EdmType permits EdmType.Structured, EdmType.Enum {

    /** Qualified, e.g. {@code microsoft.graph.webApp}. */
    String name();

    /**
     * An entity or complex type with the properties it declares itself; {@code baseType} is null for a root.
     * {@link GraphMetadata#properties} gives the inherited ones too.
     */
    record Structured(String name, String baseType, boolean isAbstract, boolean complex, List<EdmProperty> declared,
            List<Navigation> navigation) implements EdmType {
    }

    /** A navigation property: {@code type} is the entity type it leads to, qualified. */
    record Navigation(String name, String type, boolean collection, boolean containsTarget) {
    }

    /** An enum, its members in the metadata's order; a flags enum's value is a comma-separated list of them. */
    record Enum(String name, List<String> members, boolean flags) implements EdmType {
    }
}
