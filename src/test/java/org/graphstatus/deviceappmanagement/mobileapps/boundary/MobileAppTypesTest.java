package org.graphstatus.deviceappmanagement.mobileapps.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.metadata.GraphMetadata;
import org.graphstatus.odata.metadata.SdkModels;
import org.junit.jupiter.api.Test;

/** The mobileApp types the service accepts are the official beta SDK's, less the abstract ones. */
class MobileAppTypesTest {

    /** The discriminator values of the SDK's {@code MobileApp.createFromDiscriminatorValue}, with OData's {@code #}. */
    static Set<String> sdkTypes() {
        var types = new TreeSet<String>();
        SdkModels.discriminated(com.microsoft.graph.beta.models.MobileApp.class)
                .forEach(name -> types.add("#microsoft.graph." + name));
        return types;
    }

    @Test
    void everyTypeTheSdkKnowsIsConcreteOrAbstractHere() {
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
