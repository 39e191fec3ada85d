/**
 * The outbox: events live inside their aggregate's document until relayed to Kafka, so a state change and the
 * events it must publish are one document write (docs/adr/0003).
 */
package vn.gandan.support.outbox;
