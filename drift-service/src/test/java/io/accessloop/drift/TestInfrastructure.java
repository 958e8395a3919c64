package io.accessloop.drift;

import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.PostgresResource;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real infrastructure every test of this module runs against, started once per test JVM:
 * PostgreSQL, the AMQP broker, the aws-sandbox, an OIDC provider and SNS's signing-certificate endpoint.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "drift"))
@QuarkusTestResource(ArtemisResource.class)
@QuarkusTestResource(SandboxResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SnsTestAuthority.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
