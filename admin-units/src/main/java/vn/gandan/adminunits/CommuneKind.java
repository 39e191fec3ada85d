package vn.gandan.adminunits;

/** The kind of a commune-level unit since 1 July 2025, as given by the prefix of its name. */
public enum CommuneKind {
    /** A rural commune, "Xã". */
    XA("Xã"),
    /** An urban ward, "Phường". */
    PHUONG("Phường"),
    /** A special zone, "Đặc khu" (island units). */
    DAC_KHU("Đặc khu");

    private final String prefix;

    CommuneKind(String prefix) {
        this.prefix = prefix;
    }

    /**
     * @return the Vietnamese name prefix, such as {@code "Xã"}; never null
     */
    public String prefix() {
        return prefix;
    }

    /**
     * Finds the kind from the prefix of a commune's full name, ignoring case.
     *
     * @param name a full commune name such as {@code "Xã Hợp Minh"}; must not be null
     * @return the kind, or null if the name starts with no known prefix followed by a space
     */
    static CommuneKind ofName(String name) {
        for (CommuneKind kind : values()) {
            int length = kind.prefix.length();
            if (name.length() > length
                    && name.regionMatches(true, 0, kind.prefix, 0, length)
                    && name.charAt(length) == ' ') {
                return kind;
            }
        }
        return null;
    }
}
