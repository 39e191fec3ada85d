/**
 * Routing rules as data: ordered, versioned, validated rules that choose the competent authority by kind,
 * category, place and flags, with the conflict-of-interest rule, explanations and the what-if simulation.
 */
package vn.gandan.routing.rules;
