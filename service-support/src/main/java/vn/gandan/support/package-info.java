/** What every gandan service runs on; auto-configured, so a service only adds its own features. */
package vn.gandan.support;
