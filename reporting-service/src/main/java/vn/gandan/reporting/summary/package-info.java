/**
 * The listener that feeds every projection from the three topics (with its lag gauge and the step before a dead
 * letter), and the counts of petitions by status over the petitions' timelines.
 */
package vn.gandan.reporting.summary;
