/**
 * Patents (专利): application numbers with their check digit and the kind of patent they name. Shared by
 * adjudication, screening and credit supervision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patents", allowedDependencies = {})
package org.zhibao.patent;
