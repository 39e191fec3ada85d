/** A projection per petition built only from events, and counts by status over it. */
package vn.gandan.reporting.summary;
