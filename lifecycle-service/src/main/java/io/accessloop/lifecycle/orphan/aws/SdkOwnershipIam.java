package io.accessloop.lifecycle.orphan.aws;

import io.accessloop.lifecycle.offboarding.domain.PersonIam;
import io.accessloop.lifecycle.orphan.domain.OwnedPrincipal;
import io.accessloop.lifecycle.orphan.domain.OwnershipIam;
import io.accessloop.lifecycle.workload.domain.WorkloadIam;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.ArrayList;
import java.util.List;

/** {@link OwnershipIam} over the AWS SDK. */
@ApplicationScoped
public class SdkOwnershipIam implements OwnershipIam {

    private final IamClient iam;

    SdkOwnershipIam(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public List<OwnedPrincipal> roles() {
        List<OwnedPrincipal> roles = new ArrayList<>();
        for (Role role : iam.listRolesPaginator(b -> { }).roles()) {
            try {
                List<Tag> tags = iam.listRoleTags(b -> b.roleName(role.roleName())).tags();
                roles.add(new OwnedPrincipal(role.arn(), role.roleName(), role.path(),
                        tag(tags, PersonIam.OWNER_TAG), tag(tags, WorkloadIam.WORKLOAD_TAG)));
            } catch (NoSuchEntityException gone) {
                // deleted while listing
            }
        }
        return roles;
    }

    private static String tag(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
    }
}
