package vn.gandan.intake.submission;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Portals' own category codes, mapped to the catalogue's, so a portal can keep sending what its system already
 * has. A code in the catalogue is always taken as is; a mapping is looked at only for other codes.
 *
 * <pre>
 * gandan.intake.portal-categories:
 *   nghe-an-demo:
 *     "[GT01]": infrastructure.roads
 * </pre>
 *
 * @param portalCategories by portal id (the {@code id} of {@code gandan.security.portals}), the portal's code
 *     to the catalogue's code
 */
@ConfigurationProperties("gandan.intake")
public record PortalCategories(Map<String, Map<String, String>> portalCategories) {

    public PortalCategories {
        portalCategories = portalCategories == null ? Map.of() : Map.copyOf(portalCategories);
        portalCategories.forEach((portal, codes) -> codes.forEach((theirs, ours) -> {
            if (!Categories.isKnown(ours)) {
                throw new IllegalStateException("gandan.intake.portal-categories." + portal + " maps " + theirs + " to "
                        + ours + ", which is not in the catalogue");
            }
        }));
    }

    /** @return the catalogue's code for what the portal sent; the code itself when it is not mapped */
    public String toCatalogue(String portalId, String code) {
        if (Categories.isKnown(code)) {
            return code;
        }
        return portalCategories.getOrDefault(portalId, Map.of()).getOrDefault(code, code);
    }
}
