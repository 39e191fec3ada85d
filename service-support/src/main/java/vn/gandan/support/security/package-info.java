/**
 * Who is calling and what they may see: portals by API key (configured digests, or keys issued at runtime into a
 * {@link vn.gandan.support.security.PortalKeyStore}, each with scopes), people by OAuth2 bearer tokens in
 * production (HTTP Basic with demo users in the local profile), each with a jurisdiction.
 */
package vn.gandan.support.security;
