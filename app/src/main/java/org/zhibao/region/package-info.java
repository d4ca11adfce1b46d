/**
 * Administrative divisions (行政区划, GB/T 2260): region codes, their hierarchy and jurisdictions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions", allowedDependencies = {})
package org.zhibao.region;
