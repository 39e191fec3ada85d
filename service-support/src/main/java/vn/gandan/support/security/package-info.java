/**
 * Who is calling and what they may see: portals by API key, people by OAuth2 bearer tokens in production (HTTP
 * Basic with demo users in the local profile), each with a jurisdiction.
 */
package vn.gandan.support.security;
