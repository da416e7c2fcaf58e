package org.graphstatus.deviceappmanagement.mobileapps.entity;

/** Graph's {@code mobileAppPublishingState}; the constants carry the member names exactly as on the wire. */
public enum MobileAppPublishingState {
    notPublished, processing, published
}
