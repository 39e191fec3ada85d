/**
 * The Open311 GeoReport v2 facade under {@code /open311/v2}: services, service definitions, service requests
 * and tokens, in XML and JSON, with the spec's error lists. It translates, and leaves the rules to
 * {@code PetitionIntake}: a service request is a petition, a service is a category of the catalogue.
 *
 * @see <a href="https://wiki.open311.org/GeoReport_v2">GeoReport v2</a>
 */
package vn.gandan.intake.open311;
