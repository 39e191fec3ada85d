/**
 * Portal API keys managed at runtime by national admins: create (the key is shown once), list, revoke, under
 * {@code /api/v1/admin/portal-keys}. The keys live hashed in intake's own database ({@code portal_keys}), through
 * service-support's {@link vn.gandan.support.security.PortalKeyStore}, which this package declares as a bean.
 */
package vn.gandan.intake.portalkeys;
