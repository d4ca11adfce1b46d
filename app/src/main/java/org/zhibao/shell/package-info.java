/**
 * The UI shell (界面框架): page layout, navigation per role, home and "my work" pages, language switch
 * (Simplified Chinese by default, English on request) and error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "UI shell", allowedDependencies = { "identity", "region", "leads" })
package org.zhibao.shell;
