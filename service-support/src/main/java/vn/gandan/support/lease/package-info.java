/** Leases on single MongoDB documents: one owner per item among a service's instances. */
package vn.gandan.support.lease;
