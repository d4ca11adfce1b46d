/**
 * Parties (当事人): legal persons and other organisations, identified by their unified social credit code
 * (统一社会信用代码, GB 32100-2015). Shared by adjudication, complaints, credit supervision and screening.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Parties", allowedDependencies = "region")
package org.zhibao.party;
