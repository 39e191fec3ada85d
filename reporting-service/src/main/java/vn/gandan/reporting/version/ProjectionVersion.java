package vn.gandan.reporting.version;

/**
 * One copy of every projection collection. Version 1 keeps the names the service always had, so an existing
 * database is version 1 without a migration; version N &gt; 1 suffixes them with {@code _vN}.
 */
public record ProjectionVersion(int number) {

    public static final ProjectionVersion FIRST = new ProjectionVersion(1);

    public ProjectionVersion {
        if (number < 1) {
            throw new IllegalArgumentException("projection versions start at 1: " + number);
        }
    }

    /** @param base a projection collection's name, e.g. {@code report_buckets} */
    public String collection(String base) {
        return number == 1 ? base : base + "_v" + number;
    }

    public ProjectionVersion next() {
        return new ProjectionVersion(number + 1);
    }
}
