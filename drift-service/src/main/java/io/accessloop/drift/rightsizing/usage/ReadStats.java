package io.accessloop.drift.rightsizing.usage;

/**
 * What one read of CloudTrail input did: records mapped to usage, and records or files skipped with the reason.
 * Mutable and not thread-safe: one per reading thread, {@link #add} to combine.
 */
public final class ReadStats {

    private long files;
    private long records;
    private long mapped;
    private long malformed;
    private long unknownService;
    private long noPrincipal;
    private long truncatedFiles;
    private long unreadableFiles;

    public void fileRead() {
        files++;
    }

    public void record() {
        records++;
    }

    public void mapped() {
        mapped++;
    }

    public void malformed() {
        malformed++;
    }

    public void unknownService() {
        unknownService++;
    }

    public void noPrincipal() {
        noPrincipal++;
    }

    /** The gzip stream ended early: records read before the cut are kept. */
    public void truncatedFile() {
        truncatedFiles++;
    }

    /** The file is not gzip or not JSON from some point on: records read before that point are kept. */
    public void unreadableFile() {
        unreadableFiles++;
    }

    public void add(ReadStats other) {
        files += other.files;
        records += other.records;
        mapped += other.mapped;
        malformed += other.malformed;
        unknownService += other.unknownService;
        noPrincipal += other.noPrincipal;
        truncatedFiles += other.truncatedFiles;
        unreadableFiles += other.unreadableFiles;
    }

    public long files() {
        return files;
    }

    public long records() {
        return records;
    }

    public long mappedRecords() {
        return mapped;
    }

    public long malformedRecords() {
        return malformed;
    }

    public long unknownServiceRecords() {
        return unknownService;
    }

    public long recordsWithoutPrincipal() {
        return noPrincipal;
    }

    public long truncatedFiles() {
        return truncatedFiles;
    }

    public long unreadableFiles() {
        return unreadableFiles;
    }

    @Override
    public String toString() {
        return "files=" + files + " records=" + records + " mapped=" + mapped + " malformed=" + malformed
                + " unknownService=" + unknownService + " noPrincipal=" + noPrincipal + " truncatedFiles="
                + truncatedFiles + " unreadableFiles=" + unreadableFiles;
    }
}
