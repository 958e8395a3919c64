package io.accessloop.broker;

import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.PostgresResource;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real infrastructure every test of this module runs against, started once per test JVM:
 * PostgreSQL, the AMQP broker, the aws-sandbox (reached for IAM through a management role), an OIDC provider, and a
 * writable copy of the test catalog.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "broker"))
@QuarkusTestResource(ArtemisResource.class)
@QuarkusTestResource(SandboxResource.class)
@QuarkusTestResource(ManagementRoleResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(CatalogDirResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
