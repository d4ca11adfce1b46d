/**
 * Installation (安装初始化): on the first start of a real deployment, the national office and its three
 * administrators with one-time passwords, so that everything else can be set up through the application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Installation", allowedDependencies = { "identity", "office", "region" })
package org.zhibao.installation;
