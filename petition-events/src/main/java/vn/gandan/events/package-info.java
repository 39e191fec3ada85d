/** The contract between gandan's services: event records, their CloudEvents types, topics and JSON Schemas. */
package vn.gandan.events;
