package io.accessloop.lifecycle;

import io.accessloop.testsupport.ServiceBootContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceBootTest extends ServiceBootContract {

    @Override
    protected String openApiTitle() {
        return "Accessloop lifecycle-service";
    }
}
