/** The catalogue portals read: kinds, categories and channels, in Vietnamese and English. */
package vn.gandan.intake.catalogue;
