/**
 * Zalo through Zalo Notification Service (ZNS): template messages to a phone number, the template and its data
 * chosen by the delivery feature.
 */
package vn.gandan.notification.channel.zalo;
