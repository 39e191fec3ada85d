/** Petition events over Kafka as CloudEvents (binary mode), with one dead-letter topic per consumer group. */
package vn.gandan.support.kafka;
