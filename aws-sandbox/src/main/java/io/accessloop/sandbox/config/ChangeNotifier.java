package io.accessloop.sandbox.config;

import io.accessloop.sandbox.core.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * POSTs change events to the configured HTTP targets, in order, on one background thread (best effort, as
 * EventBridge: three attempts, then the event is dropped and counted).
 */
public final class ChangeNotifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChangeNotifier.class.getName());

    private final List<NotificationTarget> targets = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "config-notifications");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public List<NotificationTarget> targets() {
        return List.copyOf(targets);
    }

    public void add(NotificationTarget target) {
        targets.add(target);
    }

    public void clear() {
        targets.clear();
    }

    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    public void publish(Map<String, Object> event) {
        if (targets.isEmpty()) {
            return;
        }
        byte[] body = Json.bytes(event);
        for (NotificationTarget target : targets) {
            sender.execute(() -> deliver(target, body));
        }
    }

    private void deliver(NotificationTarget target, byte[] body) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                if (target.headerName() != null && target.headerValue() != null) {
                    request.header(target.headerName(), target.headerValue());
                }
                HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 300) {
                    delivered.incrementAndGet();
                    return;
                }
                LOG.fine(() -> "change notification refused by " + target.url() + ": " + response.statusCode());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.log(Level.FINE, "change notification to " + target.url() + " failed", e);
            }
            try {
                Thread.sleep(100L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        failed.incrementAndGet();
        LOG.warning("change notification to " + target.url() + " dropped after 3 attempts");
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
