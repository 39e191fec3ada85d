package vn.gandan.notification.delivery;

import java.util.List;

/** The webhook subscriptions of a province's portals, by id: implemented by the webhook feature. */
public interface PortalSubscribers {

    List<String> subscriptionIds(String provinceCode);
}
