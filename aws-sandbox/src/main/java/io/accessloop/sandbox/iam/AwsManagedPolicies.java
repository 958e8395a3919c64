package io.accessloop.sandbox.iam;

import java.time.Instant;

/** The few AWS managed policies the sandbox account knows, with AWS's documents. */
final class AwsManagedPolicies {

    private static final Instant CREATED = Instant.parse("2015-02-06T18:39:46Z");

    private AwsManagedPolicies() {
    }

    static void install(IamStore store) {
        add(store, "AdministratorAccess", "ANPAIWMBCKSKIEE64ZLYK",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        add(store, "IAMReadOnlyAccess", "ANPAJKSO7NDY4T57MWDSQ",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:GenerateCredentialReport\","
                        + "\"iam:GenerateServiceLastAccessedDetails\",\"iam:Get*\",\"iam:List*\","
                        + "\"iam:SimulateCustomPolicy\",\"iam:SimulatePrincipalPolicy\"],\"Resource\":\"*\"}]}");
        add(store, "AmazonS3ReadOnlyAccess", "ANPAIZTJ4DXE7G6AGAE6M",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\","
                        + "\"s3:Describe*\",\"s3-object-lambda:Get*\",\"s3-object-lambda:List*\"],\"Resource\":\"*\"}]}");
    }

    private static void add(IamStore store, String name, String id, String document) {
        String arn = "arn:aws:iam::aws:policy/" + name;
        ManagedPolicy policy = new ManagedPolicy(name, "/", id, arn, null, CREATED, true);
        policy.versions.put("v1", new ManagedPolicy.Version("v1", document, CREATED));
        policy.defaultVersionId = "v1";
        policy.nextVersion = 2;
        store.policies.put(arn, policy);
    }
}
