package io.accessloop.drift.rightsizing.domain;

import java.util.List;

/** Port: IAM Access Advisor (service last accessed details, action level where AWS tracks actions). */
public interface AccessAdvisor {

    List<ServiceAccess> lastAccessed(String principalArn);
}
