package vn.gandan.notification.channel;

/** Addresses as logs may show them: enough to tell two apart, not enough to reach the person. */
public final class Masking {

    private Masking() {}

    /** {@code n***@example.vn}, {@code +8491****678}; a webhook subscription id is shown whole. */
    public static String address(String channel, String address) {
        if (address == null) {
            return null;
        }
        if ("webhook".equals(channel)) {
            return address;
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        if (address.length() <= 6) {
            return "***";
        }
        return address.substring(0, 5) + "****" + address.substring(address.length() - 3);
    }
}
