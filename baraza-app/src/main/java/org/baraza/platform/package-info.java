/**
 * The platform every module stands on: municipalities (tenancy), accounts, verification, roles,
 * the audit log, languages and the accessible web shell. Its root package is the API other
 * modules may use; sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.baraza.platform;
