/** A case: one petition assigned to one authority, with the explanation of why. */
package vn.gandan.routing.cases;
