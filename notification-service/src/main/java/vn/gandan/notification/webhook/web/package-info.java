/** The portals' webhook API: subscribe, list, look at, delete, ask for redelivery ({@code /api/v1/webhooks}). */
package vn.gandan.notification.webhook.web;
