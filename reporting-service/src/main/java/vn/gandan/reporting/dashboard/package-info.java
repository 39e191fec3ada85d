/** The analysts' dashboard page: static HTML and script that read the reporting API, served by the service. */
package vn.gandan.reporting.dashboard;
