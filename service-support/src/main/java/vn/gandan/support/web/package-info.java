/**
 * Errors as RFC 7807 problem documents: the field and the reason, never a bare 500 for bad input; in Vietnamese or
 * English by {@code Accept-Language}, English by default (ADR 0006).
 */
package vn.gandan.support.web;
