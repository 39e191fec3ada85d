/** SMS through an HTTP gateway: one JSON POST per message, the delivery id as its Idempotency-Key. */
package vn.gandan.notification.channel.sms;
