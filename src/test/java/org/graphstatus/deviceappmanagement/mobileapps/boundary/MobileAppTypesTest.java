package org.graphstatus.deviceappmanagement.mobileapps.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.metadata.GraphMetadata;
import org.junit.jupiter.api.Test;

/** The mobileApp types the service accepts are the official beta SDK's, less the abstract ones. */
class MobileAppTypesTest {

    /**
     * The discriminator values of the SDK's {@code MobileApp.createFromDiscriminatorValue}: the strings of its
     * compiled class, read as they are (the method needs a parse node to call, the constant pool does not).
     */
    static Set<String> sdkTypes() throws IOException {
        try (InputStream in = com.microsoft.graph.beta.models.MobileApp.class
                .getResourceAsStream("MobileApp.class")) {
            String constants = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            var types = new TreeSet<String>();
            Pattern.compile("#microsoft\\.graph\\.[A-Za-z0-9]+").matcher(constants).results()
                    .forEach(match -> types.add(match.group()));
            return types;
        }
    }

    @Test
    void everyTypeTheSdkKnowsIsConcreteOrAbstractHere() throws IOException {
        Set<String> ours = new HashSet<>(MobileAppTypes.CONCRETE);
        ours.addAll(MobileAppTypes.ABSTRACT);
        ours.remove("#microsoft.graph.mobileApp"); // the base type is not a discriminator of itself
        assertEquals(sdkTypes(), new TreeSet<>(ours));
        assertEquals(41, sdkTypes().size(), "microsoft-graph-beta 6.59.0");
    }

    @Test
    void abstractTypesAndMadeUpOnesAreRefused() {
        assertEquals("#microsoft.graph.webApp", MobileAppTypes.concrete("#microsoft.graph.webApp"));
        for (String refused : new String[] {"#microsoft.graph.mobileLobApp", "#microsoft.graph.contosoApp", "webApp"}) {
            GraphException e = assertThrows(GraphException.class, () -> MobileAppTypes.concrete(refused));
            assertTrue(e.getMessage().contains(refused), e.getMessage());
        }
        assertThrows(GraphException.class, () -> MobileAppTypes.concrete(null));
    }

    @Test
    void theBaseTableHasExactlyTheMetadatasMobileAppProperties() {
        var metadata = new TreeSet<String>();
        GraphMetadata.BETA.properties(MobileAppTypes.BASE).forEach(property -> metadata.add(property.name()));
        assertEquals(metadata, new TreeSet<>(MobileAppJson.BASE_PROPERTIES));
        assertEquals(38, MobileAppTypes.CONCRETE.size());
    }
}
