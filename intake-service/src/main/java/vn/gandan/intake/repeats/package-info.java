/**
 * Repeat petitions: the same citizen, or the same place and category with similar text, within a window. They are
 * linked to the earlier petition, never rejected: repeats are what the authorities must see.
 */
package vn.gandan.intake.repeats;
