/**
 * Vietnam's administrative units after the reform of 1 July 2025: 34 provinces and 3,321 communes
 * ({@link vn.gandan.adminunits.AdminUnits}), and how the communes from before the reform map to the
 * new ones ({@link vn.gandan.adminunits.LegacyCommunes}).
 *
 * <p>The data is bundled as class-path resources beside these classes, each with its licence file of
 * the same base name. All types here are immutable and safe to share between threads. No method
 * accepts {@code null}: passing one throws {@link java.lang.NullPointerException}.
 */
package vn.gandan.adminunits;
