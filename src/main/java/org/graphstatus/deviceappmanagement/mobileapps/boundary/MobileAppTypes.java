package org.graphstatus.deviceappmanagement.mobileapps.boundary;

import java.util.Set;
import java.util.stream.Collectors;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.metadata.EdmType;
import org.graphstatus.odata.metadata.GraphMetadata;

/**
 * The types of {@code microsoft.graph.mobileApp} that Graph beta defines, as the service's metadata has them
 * (MobileAppTypesTest checks the list against the official beta SDK): an app is created as one of the
 * concrete ones; the abstract ones, {@code mobileApp} itself among them, cannot be.
 */
final class MobileAppTypes {

    static final String BASE = "microsoft.graph.mobileApp";

    static final Set<String> CONCRETE = GraphMetadata.BETA.concreteTypes(BASE).stream()
            .map(name -> "#" + name).collect(Collectors.toUnmodifiableSet());

    static final Set<String> ABSTRACT = GraphMetadata.BETA.types().values().stream()
            .filter(type -> type instanceof EdmType.Structured s && s.isAbstract() && GraphMetadata.BETA.derivesFrom(s.name(), BASE))
            .map(type -> "#" + type.name()).collect(Collectors.toUnmodifiableSet());

    private MobileAppTypes() {
    }

    /** @throws GraphException 400 unless {@code odataType} (in {@code #} form) names a concrete mobileApp type */
    static String concrete(String odataType) {
        if (odataType == null) {
            throw GraphException.badRequest("A mobileApp needs an @odata.type naming its derived type, "
                    + "e.g. '#microsoft.graph.webApp'; mobileApp itself is abstract.");
        }
        if (ABSTRACT.contains(odataType)) {
            throw GraphException.badRequest("The type '" + odataType + "' is abstract; name one of its derived types, "
                    + "e.g. '#microsoft.graph.webApp'.");
        }
        if (!CONCRETE.contains(odataType)) {
            throw GraphException.badRequest("The type '" + odataType + "' is not a mobileApp type of Graph beta.");
        }
        return odataType;
    }
}
