package io.accessloop.broker;

import io.accessloop.testsupport.ServiceBootContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceBootTest extends ServiceBootContract {

    @Override
    protected String openApiTitle() {
        return "Accessloop broker-service";
    }
}
