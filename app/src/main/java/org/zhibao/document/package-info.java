/**
 * Official documents (文书: the written notices and instruments an office issues in a case, such as the
 * acceptance notice or the decision), rendered as PDF from templates in Simplified Chinese or English with
 * an embedded CJK font. Storing and serving them is the caller's business.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents", allowedDependencies = {})
package org.zhibao.document;
