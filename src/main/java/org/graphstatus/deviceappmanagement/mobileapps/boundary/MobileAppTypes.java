package org.graphstatus.deviceappmanagement.mobileapps.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.JsonValues;

/**
 * The concrete types of {@code microsoft.graph.mobileApp} that Graph beta defines: the discriminator values of
 * the official beta SDK's {@code MobileApp.createFromDiscriminatorValue} less the abstract ones, which the
 * metadata marks {@code Abstract="true"} (MobileAppTypesTest checks the list against the SDK). An app is
 * created as one of these; its own properties are kept as they came, with Graph's default for each
 * non-nullable one the metadata declares and a client leaves out.
 */
final class MobileAppTypes {

    static final Set<String> ABSTRACT = Set.of("#microsoft.graph.mobileApp", "#microsoft.graph.mobileLobApp",
            "#microsoft.graph.managedApp", "#microsoft.graph.managedMobileLobApp");

    static final Set<String> CONCRETE = Set.of("#microsoft.graph.androidForWorkApp", "#microsoft.graph.androidLobApp",
            "#microsoft.graph.androidManagedStoreApp", "#microsoft.graph.androidManagedStoreWebApp",
            "#microsoft.graph.androidStoreApp", "#microsoft.graph.iosiPadOSWebClip", "#microsoft.graph.iosLobApp",
            "#microsoft.graph.iosStoreApp", "#microsoft.graph.iosVppApp", "#microsoft.graph.macOSDmgApp",
            "#microsoft.graph.macOSLobApp", "#microsoft.graph.macOSMicrosoftDefenderApp",
            "#microsoft.graph.macOSMicrosoftEdgeApp", "#microsoft.graph.macOSOfficeSuiteApp", "#microsoft.graph.macOSPkgApp",
            "#microsoft.graph.macOsVppApp", "#microsoft.graph.macOSWebClip", "#microsoft.graph.managedAndroidLobApp",
            "#microsoft.graph.managedAndroidStoreApp", "#microsoft.graph.managedIOSLobApp",
            "#microsoft.graph.managedIOSStoreApp", "#microsoft.graph.microsoftStoreForBusinessApp",
            "#microsoft.graph.officeSuiteApp", "#microsoft.graph.webApp", "#microsoft.graph.win32CatalogApp",
            "#microsoft.graph.win32LobApp", "#microsoft.graph.windowsAppX", "#microsoft.graph.windowsAutoUpdateCatalogApp",
            "#microsoft.graph.windowsMicrosoftEdgeApp", "#microsoft.graph.windowsMobileMSI",
            "#microsoft.graph.windowsPhone81AppX", "#microsoft.graph.windowsPhone81AppXBundle",
            "#microsoft.graph.windowsPhone81StoreApp", "#microsoft.graph.windowsPhoneXAP", "#microsoft.graph.windowsStoreApp",
            "#microsoft.graph.windowsUniversalAppX", "#microsoft.graph.windowsWebApp", "#microsoft.graph.winGetApp");

    /** Non-nullable properties of a derived type, with their defaults, as the metadata declares them. */
    private static final Map<String, JsonObject> DEFAULTS = Map.of(
            "#microsoft.graph.webApp", JsonValues.object().add("useManagedBrowser", false).build());

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

    /** The type's own non-nullable properties with their defaults; empty for most types. */
    static JsonObject defaults(String odataType) {
        return DEFAULTS.getOrDefault(odataType, JsonValue.EMPTY_JSON_OBJECT);
    }
}
