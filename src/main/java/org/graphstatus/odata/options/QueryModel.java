package org.graphstatus.odata.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The properties of one Graph type that query options may name; {@code id}, the key, always among them. */
public final class QueryModel {

    public static final QueryProperty ID = QueryProperty.string("id", "id", false);

    private final String type;
    private final Map<String, QueryProperty> properties = new LinkedHashMap<>();

    public QueryModel(String type, List<QueryProperty> properties) {
        this.type = type;
        this.properties.put(ID.name(), ID);
        properties.forEach(property -> this.properties.put(property.name(), property));
    }

    public String type() {
        return type;
    }

    public Optional<QueryProperty> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }
}
