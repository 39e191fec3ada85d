/** Real servers for integration tests: Kafka and a MongoDB-protocol store, never mocks. */
package vn.gandan.testsupport;
