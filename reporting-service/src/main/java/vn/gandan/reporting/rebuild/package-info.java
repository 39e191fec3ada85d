/** Rebuilds the projections into a new version by replaying the topics, then makes it the active one. */
package vn.gandan.reporting.rebuild;
