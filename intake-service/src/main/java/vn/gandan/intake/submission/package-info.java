/** Accepting a petition: validation, storage and the {@code PetitionSubmitted} event, in one write. */
package vn.gandan.intake.submission;
