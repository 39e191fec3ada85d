/**
 * The ways a notification leaves: the {@link vn.gandan.notification.channel.DeliveryChannel} contract and its
 * adapters (e-mail over SMTP, SMS gateway, Zalo ZNS), each with its provider's resilience.
 */
package vn.gandan.notification.channel;
