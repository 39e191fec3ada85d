package vn.gandan.intake.open311;

/**
 * One entry of the spec's error list ({@code <errors><error>}).
 *
 * @param code usually the HTTP status
 * @param description meant to be shown to the person using the client
 */
record Open311Error(int code, String description) {}
