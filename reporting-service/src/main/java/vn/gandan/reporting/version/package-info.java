/** Versions of the projection collections and the one document naming the active version. */
package vn.gandan.reporting.version;
