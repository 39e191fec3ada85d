package vn.gandan.events;

/**
 * The authority a case is assigned to.
 *
 * @param id stable authority id, e.g. {@code ubnd-17605}
 * @param name its official name, in Vietnamese
 * @param adminUnitCode the admin unit it governs
 */
public record AuthorityRef(String id, String name, String adminUnitCode) {}
