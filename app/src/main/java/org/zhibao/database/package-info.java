/**
 * The PostgreSQL database: embedded by default (data under {@code zhibao.data-dir}), external with one
 * setting; migrations run as the owner, the application as the restricted role {@code zhibao_app};
 * scheduled jobs are locked in the database so that they run once across instances.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database", allowedDependencies = {})
package org.zhibao.database;
