/** The operators' queues: what waits at each authority and in each province's triage, and moving it on in bulk. */
package vn.gandan.routing.queues;
