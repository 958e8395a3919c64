package io.accessloop.sandbox.iam;

import java.time.Instant;
import java.util.List;

/** Told, still under the write lock, which IAM resources one call changed (AWS Config records them). */
public interface IamChangeListener {

    void changed(List<IamChange> changes, Instant when);
}
