/** Counts of petitions by status, over the petitions' timelines. */
package vn.gandan.reporting.summary;
