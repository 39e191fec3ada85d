/**
 * Normalization of what portals send: text ({@link vn.gandan.intake.normalization.TextNormalizer}),
 * phone numbers ({@link vn.gandan.intake.normalization.PhoneNumbers}) and addresses to commune codes
 * ({@link vn.gandan.intake.normalization.AddressResolver}). Plain classes, no Spring.
 */
package vn.gandan.intake.normalization;
