package io.accessloop.archfixture.service;

import software.amazon.awssdk.regions.Region;

/** A service class that talks to the AWS SDK outside an aws adapter package, on purpose. */
public class SdkOutsideAdapter {

    public String region() {
        return Region.US_EAST_1.id();
    }
}
