package io.accessloop.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A set of Kubernetes objects: either the files a kustomization lists, read as they are, or what
 * {@code kubectl kustomize} renders for an overlay (when kubectl is installed).
 */
public final class Manifests {

    private final String name;
    private final List<JsonNode> objects;

    private Manifests(String name, List<JsonNode> objects) {
        this.name = name;
        this.objects = List.copyOf(objects);
    }

    /** The resource files a kustomization lists, without applying anything (directories are followed). */
    public static Manifests listedBy(String kustomizationDir) {
        List<JsonNode> out = new ArrayList<>();
        collect(Repository.path(kustomizationDir), out);
        return new Manifests(kustomizationDir + " (files)", out);
    }

    private static void collect(Path dir, List<JsonNode> out) {
        JsonNode kustomization = Yaml.document(dir.resolve("kustomization.yaml"));
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                collect(path, out);
            } else {
                out.addAll(Yaml.documents(path));
            }
        }
    }

    public static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kubectl kustomize <dir>}: what {@code kubectl apply -k} would send to the cluster. */
    public static Manifests rendered(String kustomizationDir) {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", Repository.path(kustomizationDir).toString())
                    .redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomizationDir + " failed: " + err);
            }
            return new Manifests(kustomizationDir + " (rendered)",
                    Yaml.documents(new String(out, StandardCharsets.UTF_8), kustomizationDir));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<JsonNode> all() {
        return objects;
    }

    public List<JsonNode> ofKind(String... kinds) {
        List<String> wanted = List.of(kinds);
        return objects.stream().filter(o -> wanted.contains(o.path("kind").asText())).toList();
    }

    public Optional<JsonNode> find(String kind, String objectName) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(objectName))
                .findFirst();
    }

    public static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }

    /** The module an image belongs to ({@code registry/accessloop/broker-service:1} is broker-service), if any. */
    public static Optional<String> moduleOf(String image) {
        String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
            repository = repository.substring(0, colon);
        }
        String last = repository.substring(repository.lastIndexOf('/') + 1);
        return repository.contains("accessloop/") && Repository.IMAGE_MODULES.contains(last) ? Optional.of(last) : Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
