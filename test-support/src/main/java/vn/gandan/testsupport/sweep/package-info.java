/**
 * The bad-input sweep (issue 8): malformed requests generated for every operation of a running service, sent as raw
 * bytes, and every answer that is not a 4xx problem document collected with the request that caused it.
 */
package vn.gandan.testsupport.sweep;
