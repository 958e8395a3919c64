package io.accessloop.drift;

import io.accessloop.testsupport.ServiceBootContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceBootTest extends ServiceBootContract {

    @Override
    protected String openApiTitle() {
        return "Accessloop drift-service";
    }
}
