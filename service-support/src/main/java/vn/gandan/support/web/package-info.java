/** Errors as RFC 7807 problem documents: the field and the reason, never a bare 500 for bad input. */
package vn.gandan.support.web;
