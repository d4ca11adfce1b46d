package org.zhibao.office.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the "new office" form posts. Messages are keys of the office bundle. */
public class OfficeForm {

    @NotBlank(message = "{office.error.region-required}")
    @Pattern(regexp = "\\s*\\d{6}\\s*", message = "{office.error.region-malformed}")
    private String regionCode;

    @NotBlank(message = "{office.error.name-required}")
    @Size(max = 100, message = "{office.error.name-too-long}")
    private String name;

    @Size(max = 200, message = "{office.error.name-en-too-long}")
    private String nameEn;

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }
}
