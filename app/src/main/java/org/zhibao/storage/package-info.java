/**
 * Stored files (文件存储): uploaded evidence and generated documents, kept by their SHA-256 in a directory
 * every instance shares ({@code zhibao.storage-dir}), outside the web root, under names the server makes.
 * Evidence uploads are checked first ({@link org.zhibao.storage.EvidenceUploads}): type by content, size.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage", allowedDependencies = {})
package org.zhibao.storage;
