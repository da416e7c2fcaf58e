package org.graphstatus.devicemanagement.reports.exportjobs.entity;

/**
 * Graph's {@code deviceManagementExportJobLocalizationType}: a localizable column's text beside its code
 * ({@code X} and {@code X_loc}), or in its place ({@code X} holding the text).
 */
public enum DeviceManagementExportJobLocalizationType {
    localizedValuesAsAdditionalColumn, replaceLocalizableValues, unknownFutureValue
}
