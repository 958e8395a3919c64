package io.accessloop.kit.events;

import io.accessloop.contracts.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One shared {@link EventCodec} per service. */
@ApplicationScoped
public class CodecProducer {

    @Produces
    @ApplicationScoped
    EventCodec codec() {
        return new EventCodec();
    }
}
