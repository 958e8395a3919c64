package io.accessloop.sandbox.edge;

import io.accessloop.sandbox.engine.Sandbox;
import io.accessloop.sandbox.protocol.HttpCall;
import io.accessloop.sandbox.protocol.HttpReply;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP edge: every request outside {@code /q/} goes to the engine with its method, raw path and query,
 * headers and body. Control calls run on a worker thread; AWS calls on the event loop (they never block).
 */
@ApplicationScoped
public class SandboxRoutes {

    private static final int MAX_BODY = 10 * 1024 * 1024;

    void routes(@Observes Router router, Sandbox sandbox) {
        router.routeWithRegex("^/(?!q/).*").order(Integer.MAX_VALUE - 10).handler(rc -> {
            // The raw body, unparsed: SigV4 needs the exact bytes, and a malformed form must reach the engine
            // (which answers with AWS's error) instead of failing in a form decoder.
            HttpServerRequest request = rc.request();
            Buffer body = Buffer.buffer();
            request.handler(chunk -> {
                if (body.length() + chunk.length() > MAX_BODY) {
                    rc.response().setStatusCode(413).end();
                    request.connection().close();
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.exceptionHandler(rc::fail);
            request.endHandler(done -> {
                if (!rc.response().ended()) {
                    dispatch(rc, sandbox, body);
                }
            });
            request.resume();
        });
    }

    private static void dispatch(RoutingContext rc, Sandbox sandbox, Buffer buffer) {
        HttpServerRequest request = rc.request();
        Map<String, String> headers = new HashMap<>();
        MultiMap all = request.headers();
        for (String name : all.names()) {
            headers.put(name.toLowerCase(), String.join(",", all.getAll(name)));
        }
        if (!headers.containsKey("host") && request.host() != null) {
            // HTTP/2 carries the host in :authority; SigV4 signs it as "host".
            headers.put("host", request.host());
        }
        String ip = request.remoteAddress() == null ? "127.0.0.1" : request.remoteAddress().hostAddress();
        HttpCall call = new HttpCall(request.method().name(), request.path(), request.query(), headers,
                buffer == null ? new byte[0] : buffer.getBytes(), ip);
        if (request.path().startsWith("/_sandbox")) {
            rc.vertx().<HttpReply>executeBlocking(() -> sandbox.handle(call), false)
                    .onSuccess(reply -> send(rc, reply)).onFailure(rc::fail);
            return;
        }
        HttpReply reply = sandbox.handle(call);
        if (reply.delayMillis() > 0) {
            rc.vertx().setTimer(reply.delayMillis(), id -> send(rc, reply));
        } else {
            send(rc, reply);
        }
    }

    private static void send(RoutingContext rc, HttpReply reply) {
        var response = rc.response().setStatusCode(reply.status());
        response.putHeader("Content-Type", reply.contentType());
        reply.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(reply.body()));
    }
}
