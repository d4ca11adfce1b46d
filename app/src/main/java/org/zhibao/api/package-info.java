/**
 * The programming interface (开放接口) as a whole: its OpenAPI description at {@code /v3/api-docs}, and
 * idempotent submissions, so that a client may safely retry a request whose answer it did not get.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API", allowedDependencies = {})
package org.zhibao.api;
