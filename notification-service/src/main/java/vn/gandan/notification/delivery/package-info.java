/**
 * Deliveries: who hears of what on which channel (rules as configuration), every delivery recorded before it is
 * attempted, sent once in effect through the channels, merged into digests, held back in quiet hours and beyond a
 * daily cap, resumed after a crash, and visible to operators.
 */
package vn.gandan.notification.delivery;
