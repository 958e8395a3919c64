package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Users and their credentials: access keys, login profiles, MFA devices, inline and attached policies. */
final class UserActions {

    private final IamStore store;
    private final IamRegistry registry;

    UserActions(IamStore store, IamRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    void register() {
        registry.write("CreateUser", registry::userArnFromParams, this::create);
        registry.read("GetUser", registry::userArnFromParams, this::get);
        registry.read("ListUsers", c -> "*", this::list);
        registry.write("DeleteUser", registry::userArnFromParams, this::delete);
        registry.write("PutUserPolicy", registry::userArnFromParams, c -> store.write(c.now(), () -> {
            User user = store.user(userName(c));
            InlinePolicies.put(c, "user", user.name, user.inlinePolicies, 2048);
            store.touch(user);
            return null;
        }));
        registry.read("GetUserPolicy", registry::userArnFromParams, c -> store.read(() -> {
            User user = store.user(userName(c));
            return InlinePolicies.get(c, "UserName", user.name, user.inlinePolicies, "user");
        }));
        registry.write("DeleteUserPolicy", registry::userArnFromParams, c -> store.write(c.now(), () -> {
            User user = store.user(userName(c));
            InlinePolicies.delete(c, user.inlinePolicies, "user");
            store.touch(user);
            return null;
        }));
        registry.read("ListUserPolicies", registry::userArnFromParams, c -> store.read(() ->
                InlinePolicies.list(c, store.user(userName(c)).inlinePolicies)));
        registry.write("AttachUserPolicy", registry::userArnFromParams, c -> store.write(c.now(), () -> {
            User user = store.user(userName(c));
            InlinePolicies.attach(store, c, user.attachedPolicyArns, "PoliciesPerUser", user);
            return null;
        }));
        registry.write("DetachUserPolicy", registry::userArnFromParams, c -> store.write(c.now(), () -> {
            User user = store.user(userName(c));
            InlinePolicies.detach(store, c, user.attachedPolicyArns, user);
            return null;
        }));
        registry.read("ListAttachedUserPolicies", registry::userArnFromParams, c -> store.read(() ->
                InlinePolicies.listAttached(store, c, store.user(userName(c)).attachedPolicyArns)));
        registry.write("PutUserPermissionsBoundary", registry::userArnFromParams, c -> store.write(c.now(), () -> {
            User user = store.user(userName(c));
            String arn = c.params().required("PermissionsBoundary");
            store.policy(arn);
            user.permissionsBoundaryArn = arn;
            store.touch(user);
            return null;
        }));
        registry.write("DeleteUserPermissionsBoundary", registry::userArnFromParams, c -> store.write(c.now(), () -> {
            User user = store.user(userName(c));
            user.permissionsBoundaryArn = null;
            store.touch(user);
            return null;
        }));
        registry.write("TagUser", registry::userArnFromParams, c -> store.write(c.now(), () -> {
            User user = store.user(userName(c));
            TagSupport.merge(user.tags, c.params().tags("Tags"));
            store.touch(user);
            return null;
        }));
        registry.write("UntagUser", registry::userArnFromParams, c -> store.write(c.now(), () -> {
            User user = store.user(userName(c));
            c.params().members("TagKeys").forEach(k -> TagSupport.remove(user.tags, k));
            store.touch(user);
            return null;
        }));
        registry.read("ListUserTags", registry::userArnFromParams, c -> store.read(() -> {
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), IamViews.tags(store.user(userName(c)).tags), paging);
            Doc out = Doc.of().with("Tags", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
        // The sandbox issues no signing certificates, SSH keys or service-specific credentials: these lists are
        // truthfully empty, so clean-up code that walks them (as user deletion requires) works unchanged.
        emptyUserList("ListSigningCertificates", "Certificates");
        emptyUserList("ListSSHPublicKeys", "SSHPublicKeys");
        emptyUserList("ListServiceSpecificCredentials", "ServiceSpecificCredentials");
        registerAccessKeys();
        registerLoginProfiles();
        registerMfa();
    }

    private void emptyUserList(String action, String field) {
        registry.read(action, registry::userArnFromParams, c -> {
            String name = userNameOrCaller(c);
            return store.read(() -> {
                store.user(name);
                return Doc.of().with(field, List.of()).with("IsTruncated", false);
            });
        });
    }

    private static String userName(IamCall c) {
        return IamSupport.name(c.params(), "UserName", 64);
    }

    /** UserName, or the calling IAM user when the parameter is absent (as IAM does for key and MFA calls). */
    private static String userNameOrCaller(IamCall c) {
        if (c.params().get("UserName") != null) {
            return userName(c);
        }
        Caller caller = c.caller();
        if (caller.type() == Caller.Type.IAM_USER) {
            return caller.userName();
        }
        throw AwsError.validation("Must specify userName when calling with non-User credentials");
    }

    private Doc create(IamCall c) {
        String name = userName(c);
        String path = IamSupport.path(c.params(), "Path");
        Map<String, String> tags = c.params().tags("Tags");
        String boundary = c.params().get("PermissionsBoundary");
        return store.write(c.now(), () -> {
            if (store.findUser(name) != null) {
                throw AwsError.alreadyExists("User with name " + name + " already exists.");
            }
            if (boundary != null) {
                store.policy(boundary);
            }
            User user = new User(name, path, Ids.uniqueId("AIDA"),
                    "arn:aws:iam::" + store.accountId() + ":user" + path + name, c.now());
            user.tags.putAll(tags);
            user.permissionsBoundaryArn = boundary;
            store.users.put(name, user);
            store.touch(user);
            return Doc.of().with("User", IamViews.user(user));
        });
    }

    private Doc get(IamCall c) {
        if (c.params().get("UserName") == null && c.caller().type() == Caller.Type.ROOT) {
            return Doc.of().with("User", Doc.of().with("UserId", c.caller().accountId())
                    .with("Arn", c.caller().arn()).with("CreateDate", java.time.Instant.EPOCH));
        }
        String name = userNameOrCaller(c);
        return store.read(() -> Doc.of().with("User", IamViews.user(store.user(name))));
    }

    private Doc list(IamCall c) {
        return store.read(() -> {
            String prefix = c.params().get("PathPrefix");
            List<Doc> all = new ArrayList<>();
            for (User u : store.users.values()) {
                if (IamSupport.underPath(u.path, prefix)) {
                    all.add(IamViews.user(u));
                }
            }
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), all, paging);
            Doc out = Doc.of().with("Users", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        });
    }

    private Doc delete(IamCall c) {
        return store.write(c.now(), () -> {
            User user = store.user(userName(c));
            if (!store.keysOf(user.name).isEmpty()) {
                throw AwsError.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (user.loginProfile != null) {
                throw AwsError.deleteConflict("Cannot delete entity, must delete login profile first.");
            }
            if (!user.inlinePolicies.isEmpty() || !user.attachedPolicyArns.isEmpty()) {
                throw AwsError.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!user.groups.isEmpty()) {
                throw AwsError.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            for (MfaDevice d : store.mfaDevices.values()) {
                if (user.name.equals(d.userName)) {
                    throw AwsError.deleteConflict("Cannot delete entity, must delete MFA device first.");
                }
            }
            store.users.remove(user.name);
            store.deleted(user);
            return null;
        });
    }

    private void registerAccessKeys() {
        registry.write("CreateAccessKey", registry::userArnFromParams, c -> {
            String name = userNameOrCaller(c);
            return store.write(c.now(), () -> {
                User user = store.user(name);
                if (store.keysOf(user.name).size() >= 2) {
                    throw AwsError.limitExceeded("Cannot exceed quota for AccessKeysPerUser: 2");
                }
                AccessKey key = new AccessKey(Ids.accessKeyId(false), Ids.secretAccessKey(), user.name, c.now());
                store.addKey(key);
                return Doc.of().with("AccessKey", Doc.of().with("UserName", user.name).with("AccessKeyId", key.id)
                        .with("Status", "Active").with("SecretAccessKey", key.secret)
                        .with("CreateDate", key.createDate));
            });
        });
        registry.read("ListAccessKeys", registry::userArnFromParams, c -> {
            String name = userNameOrCaller(c);
            return store.read(() -> {
                store.user(name);
                List<Doc> all = new ArrayList<>();
                store.keysOf(name).forEach(k -> all.add(IamViews.accessKeyMetadata(k)));
                Doc paging = Doc.of();
                List<Doc> page = IamSupport.page(c.params(), all, paging);
                Doc out = Doc.of().with("AccessKeyMetadata", new ArrayList<>(page));
                out.putAll(paging);
                return out;
            });
        });
        registry.write("UpdateAccessKey", registry::userArnFromParams, c -> {
            String name = userNameOrCaller(c);
            String status = c.params().required("Status");
            if (!status.equals("Active") && !status.equals("Inactive")) {
                throw AwsError.validation("1 validation error detected: Value '" + status + "' at 'status' failed "
                        + "to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
            }
            return store.write(c.now(), () -> {
                AccessKey key = keyOf(name, c.params().required("AccessKeyId"));
                key.active = status.equals("Active");
                return null;
            });
        });
        registry.write("DeleteAccessKey", registry::userArnFromParams, c -> {
            String name = userNameOrCaller(c);
            return store.write(c.now(), () -> {
                store.removeKey(keyOf(name, c.params().required("AccessKeyId")));
                return null;
            });
        });
        registry.read("GetAccessKeyLastUsed", c -> "*", c -> {
            String id = c.params().required("AccessKeyId");
            AccessKey key = store.accessKey(id);
            if (key == null) {
                throw new AwsError("AccessDenied", 403, "The access key " + id + " does not exist in this account.");
            }
            Doc lastUsed = Doc.of().with("LastUsedDate", key.lastUsedDate)
                    .with("ServiceName", key.lastUsedService == null ? "N/A" : key.lastUsedService)
                    .with("Region", key.lastUsedRegion == null ? "N/A" : key.lastUsedRegion);
            return Doc.of().with("UserName", key.userName).with("AccessKeyLastUsed", lastUsed);
        });
    }

    private AccessKey keyOf(String userName, String accessKeyId) {
        store.user(userName);
        for (AccessKey key : store.keysOf(userName)) {
            if (key.id.equals(accessKeyId)) {
                return key;
            }
        }
        throw AwsError.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }

    private void registerLoginProfiles() {
        registry.write("CreateLoginProfile", registry::userArnFromParams, c -> {
            String name = userName(c);
            String password = c.params().required("Password");
            checkPassword(password);
            boolean reset = c.params().bool("PasswordResetRequired", false);
            return store.write(c.now(), () -> {
                User user = store.user(name);
                if (user.loginProfile != null) {
                    throw AwsError.alreadyExists("Login Profile for user " + name + " already exists.");
                }
                user.loginProfile = new User.LoginProfile(c.now(), reset);
                return Doc.of().with("LoginProfile", Doc.of().with("UserName", user.name)
                        .with("CreateDate", c.now()).with("PasswordResetRequired", reset));
            });
        });
        registry.read("GetLoginProfile", registry::userArnFromParams, c -> store.read(() -> {
            User user = store.user(userName(c));
            if (user.loginProfile == null) {
                throw AwsError.noSuchEntity("Login Profile for User " + user.name + " cannot be found.");
            }
            return Doc.of().with("LoginProfile", Doc.of().with("UserName", user.name)
                    .with("CreateDate", user.loginProfile.createDate())
                    .with("PasswordResetRequired", user.loginProfile.passwordResetRequired()));
        }));
        registry.write("UpdateLoginProfile", registry::userArnFromParams, c -> {
            String name = userName(c);
            String password = c.params().get("Password");
            if (password != null) {
                checkPassword(password);
            }
            return store.write(c.now(), () -> {
                User user = store.user(name);
                if (user.loginProfile == null) {
                    throw AwsError.noSuchEntity("Login Profile for User " + user.name + " cannot be found.");
                }
                boolean reset = c.params().bool("PasswordResetRequired",
                        user.loginProfile.passwordResetRequired());
                user.loginProfile = new User.LoginProfile(password != null ? c.now()
                        : user.loginProfile.createDate(), reset);
                return null;
            });
        });
        registry.write("DeleteLoginProfile", registry::userArnFromParams, c -> store.write(c.now(), () -> {
            User user = store.user(userName(c));
            if (user.loginProfile == null) {
                throw AwsError.noSuchEntity("Login Profile for User " + user.name + " cannot be found.");
            }
            user.loginProfile = null;
            return null;
        }));
    }

    private static void checkPassword(String password) {
        if (password.length() < 8 || password.length() > 128) {
            throw new AwsError("PasswordPolicyViolation", 400,
                    "Password should have a minimum length of 8");
        }
    }

    private void registerMfa() {
        registry.write("CreateVirtualMFADevice", c -> "arn:aws:iam::" + store.accountId() + ":mfa/"
                + c.params().getOr("VirtualMFADeviceName", ""), c -> {
            String name = IamSupport.name(c.params(), "VirtualMFADeviceName", 226);
            String path = IamSupport.path(c.params(), "Path");
            String serial = "arn:aws:iam::" + store.accountId() + ":mfa" + path + name;
            return store.write(c.now(), () -> {
                if (store.mfaDevices.containsKey(serial)) {
                    throw AwsError.alreadyExists("MFADevice entity at the same path and name already exists.");
                }
                MfaDevice device = new MfaDevice(serial, c.now());
                store.mfaDevices.put(serial, device);
                return Doc.of().with("VirtualMFADevice", Doc.of().with("SerialNumber", serial)
                        .with("Base32StringSeed", java.util.Base64.getEncoder().encodeToString(
                                Ids.secretAccessKey().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with("QRCodePNG", java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P',
                                'N', 'G'})));
            });
        });
        registry.write("EnableMFADevice", registry::userArnFromParams, c -> {
            String name = userName(c);
            String serial = c.params().required("SerialNumber");
            String code1 = c.params().required("AuthenticationCode1");
            String code2 = c.params().required("AuthenticationCode2");
            if (!code1.matches("\\d{6}") || !code2.matches("\\d{6}")) {
                throw new AwsError("InvalidAuthenticationCode", 403, "Authentication code for device is not valid.");
            }
            return store.write(c.now(), () -> {
                store.user(name);
                MfaDevice device = store.mfaDevices.get(serial);
                if (device == null) {
                    throw AwsError.noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist.");
                }
                if (device.userName != null) {
                    throw AwsError.alreadyExists("MFA Device is already in use.");
                }
                device.userName = name;
                device.enableDate = c.now();
                return null;
            });
        });
        registry.write("DeactivateMFADevice", registry::userArnFromParams, c -> {
            String name = userName(c);
            String serial = c.params().required("SerialNumber");
            return store.write(c.now(), () -> {
                MfaDevice device = store.mfaDevices.get(serial);
                if (device == null || !name.equals(device.userName)) {
                    throw AwsError.noSuchEntity("MFA Device with serial number " + serial + " does not exist.");
                }
                device.userName = null;
                device.enableDate = null;
                return null;
            });
        });
        registry.write("DeleteVirtualMFADevice", c -> c.params().getOr("SerialNumber", "*"), c -> {
            String serial = c.params().required("SerialNumber");
            return store.write(c.now(), () -> {
                MfaDevice device = store.mfaDevices.get(serial);
                if (device == null) {
                    throw AwsError.noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist.");
                }
                if (device.userName != null) {
                    throw AwsError.deleteConflict("MFA device is still in use.");
                }
                store.mfaDevices.remove(serial);
                return null;
            });
        });
        registry.read("ListMFADevices", registry::userArnFromParams, c -> {
            String name = userNameOrCaller(c);
            return store.read(() -> {
                store.user(name);
                List<Doc> all = new ArrayList<>();
                for (MfaDevice d : store.mfaDevices.values()) {
                    if (name.equals(d.userName)) {
                        all.add(Doc.of().with("UserName", d.userName).with("SerialNumber", d.serialNumber)
                                .with("EnableDate", d.enableDate));
                    }
                }
                Doc paging = Doc.of();
                List<Doc> page = IamSupport.page(c.params(), all, paging);
                Doc out = Doc.of().with("MFADevices", new ArrayList<>(page));
                out.putAll(paging);
                return out;
            });
        });
        registry.read("ListVirtualMFADevices", c -> "*", c -> store.read(() -> {
            String status = c.params().getOr("AssignmentStatus", "Any");
            List<Doc> all = new ArrayList<>();
            for (MfaDevice d : store.mfaDevices.values()) {
                boolean assigned = d.userName != null;
                if (status.equals("Any") || (status.equals("Assigned") == assigned)) {
                    User user = assigned ? store.findUser(d.userName) : null;
                    all.add(Doc.of().with("SerialNumber", d.serialNumber)
                            .with("User", user == null ? null : IamViews.user(user))
                            .with("EnableDate", d.enableDate));
                }
            }
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), all, paging);
            Doc out = Doc.of().with("VirtualMFADevices", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
    }
}
