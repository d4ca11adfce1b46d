/**
 * Demo data (演示数据): the national office, three provinces with prefecture and county offices, and one
 * account of every role, loaded on first start when {@code zhibao.demo-data} is on: by default only with the
 * embedded database. Demo only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = { "identity", "office", "region", "screening" })
package org.zhibao.demo;
