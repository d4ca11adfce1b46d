/**
 * The tamper-evident audit log (审计日志): every login, logout, refused access and state-changing request,
 * appended to a log chained as an RFC 6962 Merkle tree and checkpointed every few minutes. Only audit
 * administrators read it. Retention: entries are kept at least 184 days (six months) as required; in
 * fact nothing is ever deleted — the application role may not UPDATE, DELETE or TRUNCATE the log and a
 * trigger refuses those statements — so there is no archival job and no retention setting to get wrong.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "identity", "region", "database" })
package org.zhibao.audit;
