package org.zhibao.office.web;

import org.zhibao.office.OfficeView;

/**
 * An office with the names a page shows beside it.
 *
 * @param office the office
 * @param regionName its region's name
 * @param parentName its parent office's name, or {@code null} at the top
 * @param parentVisible whether the parent lies within the viewer's jurisdiction (and may be linked)
 */
public record OfficeRow(OfficeView office, String regionName, String parentName, boolean parentVisible) {
}
