/**
 * Legal clocks: the working calendar (weekends, public holidays and swapped days, as data per year), the
 * versioned time-limit policies per petition kind and step, and the deadlines computed from them as the Civil
 * Code counts periods. Plain Java; {@code LegalClockConfiguration} only loads the data.
 */
package vn.gandan.routing.clock;
