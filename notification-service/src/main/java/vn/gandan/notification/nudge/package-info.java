/** Nudges to the assigned authority when a case reaches it; each recorded before it is delivered. */
package vn.gandan.notification.nudge;
