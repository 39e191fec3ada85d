/**
 * What every service shows of itself (docs/adr/0013): common metric tags, spans exported only when a collector is
 * named, and trace contexts that survive a stay in the outbox or a delivery queue.
 */
package vn.gandan.support.observability;
