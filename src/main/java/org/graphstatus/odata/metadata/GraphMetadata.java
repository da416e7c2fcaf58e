package org.graphstatus.odata.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The service's {@code $metadata}: the CSDL document {@code GET /beta/$metadata} serves, and the types it
 * declares, from which bodies are checked and answers written. The document is generated from the official
 * beta SDK's models and Graph's published type definitions (CONTRIBUTING.md, "The metadata"), never typed by
 * hand, so what is served, checked and written cannot disagree.
 */
public final class GraphMetadata {

    /** The service's own: {@code META-INF/metadata.xml}. */
    public static final GraphMetadata BETA = load("/META-INF/metadata.xml");

    static final String NAMESPACE = "microsoft.graph";
    private static final String ALIAS = "graph.";
    private static final String CORE_COMPUTED = "Org.OData.Core.V1.Computed";

    private final String document;
    private final Map<String, EdmType> types;
    private final Map<String, List<String>> actions;
    private final Map<String, String> singletons;

    private GraphMetadata(String document, Map<String, EdmType> types, Map<String, List<String>> actions,
            Map<String, String> singletons) {
        this.document = document;
        this.types = Collections.unmodifiableMap(types);
        this.actions = Collections.unmodifiableMap(actions);
        this.singletons = Collections.unmodifiableMap(singletons);
    }

    static GraphMetadata load(String resource) {
        try (InputStream in = GraphMetadata.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a CSDL document of one schema, {@code microsoft.graph} (alias {@code graph}), as this service writes it. */
    public static GraphMetadata parse(String document) {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, EdmType> types = new LinkedHashMap<>();
        Map<String, List<String>> actions = new LinkedHashMap<>();
        Map<String, String> singletons = new LinkedHashMap<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(document));
            String structured = null;
            String base = null;
            boolean isAbstract = false;
            List<EdmProperty> properties = null;
            List<EdmType.Navigation> navigation = null;
            String action = null;
            List<String> members = null;
            boolean flags = false;
            String property = null; // the property whose annotations are being read
            Map<String, Boolean> computed = new LinkedHashMap<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "EntityType", "ComplexType" -> {
                            structured = qualified(xml.getAttributeValue(null, "Name"));
                            base = xml.getAttributeValue(null, "BaseType");
                            base = base == null ? null : qualified(base);
                            isAbstract = "true".equals(xml.getAttributeValue(null, "Abstract"));
                            properties = new ArrayList<>();
                            navigation = new ArrayList<>();
                            computed.clear();
                        }
                        case "EnumType" -> {
                            structured = qualified(xml.getAttributeValue(null, "Name"));
                            flags = "true".equals(xml.getAttributeValue(null, "IsFlags"));
                            members = new ArrayList<>();
                        }
                        case "Member" -> members.add(xml.getAttributeValue(null, "Name"));
                        case "NavigationProperty" -> {
                            String type = xml.getAttributeValue(null, "Type");
                            boolean collection = type.startsWith("Collection(");
                            type = collection ? type.substring("Collection(".length(), type.length() - 1) : type;
                            navigation.add(new EdmType.Navigation(xml.getAttributeValue(null, "Name"), qualified(type),
                                    collection, "true".equals(xml.getAttributeValue(null, "ContainsTarget"))));
                        }
                        case "Action" -> action = "true".equals(xml.getAttributeValue(null, "IsBound"))
                                ? xml.getAttributeValue(null, "Name") : null;
                        case "Parameter" -> {
                            if (action != null) { // the first parameter of a bound action is its binding
                                actions.computeIfAbsent(qualified(xml.getAttributeValue(null, "Type")), t -> new ArrayList<>())
                                        .add(action);
                                action = null;
                            }
                        }
                        case "Singleton" -> singletons.put(xml.getAttributeValue(null, "Name"),
                                qualified(xml.getAttributeValue(null, "Type")));
                        case "Property" -> {
                            String type = xml.getAttributeValue(null, "Type");
                            boolean collection = type.startsWith("Collection(");
                            type = collection ? type.substring("Collection(".length(), type.length() - 1) : type;
                            property = xml.getAttributeValue(null, "Name");
                            properties.add(new EdmProperty(property, qualified(type), collection,
                                    !"false".equals(xml.getAttributeValue(null, "Nullable")), false));
                        }
                        case "Annotation" -> {
                            if (property != null && CORE_COMPUTED.equals(xml.getAttributeValue(null, "Term"))) {
                                computed.put(property, !"false".equals(xml.getAttributeValue(null, "Bool")));
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "EntityType", "ComplexType" -> {
                            List<EdmProperty> declared = properties.stream().map(p -> computed.getOrDefault(p.name(), false)
                                    ? new EdmProperty(p.name(), p.type(), p.collection(), p.nullable(), true) : p).toList();
                            types.put(structured, new EdmType.Structured(structured, base, isAbstract,
                                    xml.getLocalName().equals("ComplexType"), declared, List.copyOf(navigation)));
                        }
                        case "EnumType" -> types.put(structured, new EdmType.Enum(structured, List.copyOf(members), flags));
                        case "Property" -> property = null;
                        default -> { }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not a CSDL document: " + e.getMessage(), e);
        }
        return new GraphMetadata(document, types, actions, singletons);
    }

    private static String qualified(String name) {
        if (name.startsWith(ALIAS)) {
            return NAMESPACE + "." + name.substring(ALIAS.length());
        }
        return name.startsWith("Edm.") || name.contains(".") ? name : NAMESPACE + "." + name;
    }

    /** The CSDL document, as served. */
    public String document() {
        return document;
    }

    /** Every type, by qualified name. */
    public Map<String, EdmType> types() {
        return types;
    }

    public Optional<EdmType.Structured> structured(String name) {
        return types.get(name) instanceof EdmType.Structured type ? Optional.of(type) : Optional.empty();
    }

    public Optional<EdmType.Enum> enumType(String name) {
        return types.get(name) instanceof EdmType.Enum type ? Optional.of(type) : Optional.empty();
    }

    /** Every structural property of the type, its base types' first, each in the metadata's order. */
    public List<EdmProperty> properties(String name) {
        EdmType.Structured type = structured(name).orElseThrow(() -> new IllegalArgumentException(name));
        List<EdmProperty> all = new ArrayList<>();
        if (type.baseType() != null) {
            all.addAll(properties(type.baseType()));
        }
        all.addAll(type.declared());
        return all;
    }

    /** The singletons of the entity container, each with its type. */
    public Map<String, String> singletons() {
        return singletons;
    }

    /** A navigation property of the type or of one of its base types. */
    public Optional<EdmType.Navigation> navigation(String type, String name) {
        for (String at = type; at != null; at = structured(at).map(EdmType.Structured::baseType).orElse(null)) {
            Optional<EdmType.Navigation> found = structured(at).stream().flatMap(s -> s.navigation().stream())
                    .filter(n -> n.name().equals(name)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The names of the actions bound to the type. */
    public List<String> boundActions(String type) {
        return actions.getOrDefault(type, List.of());
    }

    /** Whether {@code name} is {@code base} or derives from it. */
    public boolean derivesFrom(String name, String base) {
        for (String at = name; at != null; at = structured(at).map(EdmType.Structured::baseType).orElse(null)) {
            if (at.equals(base)) {
                return true;
            }
        }
        return false;
    }

    /** The types that derive from {@code base} and are not abstract, {@code base} itself included if it is not. */
    public List<String> concreteTypes(String base) {
        return types.values().stream()
                .filter(type -> type instanceof EdmType.Structured s && !s.isAbstract() && derivesFrom(s.name(), base))
                .map(EdmType::name).toList();
    }
}
