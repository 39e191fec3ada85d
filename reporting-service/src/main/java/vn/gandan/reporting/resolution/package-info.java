/** Per-petition timelines rebuilt from events, pre-aggregated resolution figures, and the analysts' reports. */
package vn.gandan.reporting.resolution;
