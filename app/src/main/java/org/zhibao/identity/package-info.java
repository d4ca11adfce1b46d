/**
 * Identity and access (身份认证与访问控制): accounts, roles, password + TOTP login, bearer tokens, and
 * the three separate administrators (三权分立: system, security, audit).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "office", "region", "database" })
package org.zhibao.identity;
