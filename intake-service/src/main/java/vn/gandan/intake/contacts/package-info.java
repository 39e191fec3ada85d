/** The Kafka topic that alone carries citizens' addresses (gandan.intake.contacts.v1, docs/adr/0010). */
package vn.gandan.intake.contacts;
