package io.accessloop.broker.catalog.domain;

/** One reason a catalog was refused, pointing at the file and line to fix. */
public record CatalogProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
