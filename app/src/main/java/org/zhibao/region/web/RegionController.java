package org.zhibao.region.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhibao.region.Region;
import org.zhibao.region.RegionCode;
import org.zhibao.region.Regions;

/**
 * Public, read-only lookup of administrative divisions, e.g. for cascading region pickers. Errors are
 * RFC 9457 problem details whose {@code detail} is in the request's language.
 */
@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

    private final Regions regions;
    private final MessageSource messages;

    RegionController(Regions regions, MessageSource messages) {
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/{code}")
    RegionJson region(@PathVariable String code) {
        return RegionJson.of(existing(code));
    }

    @GetMapping("/{code}/children")
    List<RegionJson> children(@PathVariable String code) {
        return regions.children(existing(code).code()).stream().map(RegionJson::of).toList();
    }

    private Region existing(String code) {
        RegionCode parsed;
        try {
            parsed = RegionCode.of(code);
        }
        catch (IllegalArgumentException e) {
            throw new MalformedRegionCode();
        }
        return regions.find(parsed).orElseThrow(() -> new UnknownRegion(parsed));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformed(MalformedRegionCode e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, messages.getMessage("region.error.malformed-code", null, locale));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownRegion e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND,
                messages.getMessage("region.error.unknown-code", new Object[] { e.code.value() }, locale));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** The wire form: codes as plain strings, the country's parent as {@code null}. */
    record RegionJson(String code, String name, String level, String parentCode) {

        static RegionJson of(Region region) {
            return new RegionJson(region.code().value(), region.name(), region.level().name(),
                    region.parentCode() == null ? null : region.parentCode().value());
        }
    }

    static final class MalformedRegionCode extends RuntimeException {
    }

    static final class UnknownRegion extends RuntimeException {

        final RegionCode code;

        UnknownRegion(RegionCode code) {
            this.code = code;
        }
    }
}
