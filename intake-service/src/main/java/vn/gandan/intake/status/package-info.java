/** Intake's own view of a petition's status, fed from routing's events. */
package vn.gandan.intake.status;
