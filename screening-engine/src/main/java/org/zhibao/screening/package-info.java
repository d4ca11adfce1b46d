/**
 * Screening of abnormal patent applications (非正常专利申请) and bad-faith trademark filings
 * (商标恶意注册). Plain Java, no Spring: the algorithms and their command line live here.
 */
package org.zhibao.screening;
