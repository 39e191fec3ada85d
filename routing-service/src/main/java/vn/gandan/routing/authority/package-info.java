/**
 * The authority directory: the public bodies that answer petitions, their types, places, parents for escalation
 * and contacts, versioned by effective date.
 */
package vn.gandan.routing.authority;
