package org.zhibao.office.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.office.CreateOffice;
import org.zhibao.office.OfficeFilter;
import org.zhibao.office.OfficeNotCreated;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.Region;
import org.zhibao.region.RegionCode;
import org.zhibao.region.Regions;

/** The system administrator's pages for the offices within their jurisdiction. */
@Controller
@RequestMapping("/admin/offices")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class OfficeAdminController {

    private final Offices offices;
    private final Regions regions;

    OfficeAdminController(Offices offices, Regions regions) {
        this.offices = offices;
        this.regions = regions;
    }

    @GetMapping
    String list(@RequestParam(required = false) String name, @RequestParam(required = false) String region,
            Jurisdiction jurisdiction, Model model) {
        RegionCode within = null;
        if (region != null && !region.isBlank()) {
            try {
                within = RegionCode.of(region.strip());
            }
            catch (IllegalArgumentException e) {
                model.addAttribute("regionFilterError", "office.error.region-malformed");
            }
        }
        List<OfficeView> found = model.containsAttribute("regionFilterError") ? List.of()
                : offices.list(jurisdiction, new OfficeFilter(name, within));
        model.addAttribute("rows", rows(found, jurisdiction));
        model.addAttribute("name", name);
        model.addAttribute("region", region);
        return "office/list";
    }

    @GetMapping("/new")
    String newOffice(@ModelAttribute("form") OfficeForm form, Jurisdiction jurisdiction, Model model) {
        return form(jurisdiction, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") OfficeForm form, BindingResult errors, Jurisdiction jurisdiction,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(jurisdiction, model);
        }
        try {
            OfficeView office = offices.create(
                    new CreateOffice(RegionCode.of(form.getRegionCode().strip()), form.getName(), form.getNameEn()),
                    jurisdiction);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/offices/" + office.id();
        }
        catch (OfficeNotCreated e) {
            errors.rejectValue(e.field(), e.messageCode());
            return form(jurisdiction, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Jurisdiction jurisdiction, Model model) {
        OfficeView office = offices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!jurisdiction.covers(office.regionCode())) {
            throw new AccessDeniedException("Office " + id + " is outside jurisdiction " + jurisdiction);
        }
        model.addAttribute("row", rows(List.of(office), jurisdiction).get(0));
        model.addAttribute("path", regions.path(office.regionCode()));
        List<OfficeView> below = offices.list(office.jurisdiction(), OfficeFilter.none()).stream()
                .filter(o -> Long.valueOf(id).equals(o.parentId())).toList();
        model.addAttribute("children", rows(below, jurisdiction));
        return "office/detail";
    }

    private String form(Jurisdiction jurisdiction, Model model) {
        Set<RegionCode> taken = offices.list(jurisdiction, OfficeFilter.none()).stream()
                .map(OfficeView::regionCode).collect(Collectors.toSet());
        model.addAttribute("regions",
                regions.within(jurisdiction).stream().filter(r -> !taken.contains(r.code())).toList());
        return "office/form";
    }

    private List<OfficeRow> rows(List<OfficeView> list, Jurisdiction jurisdiction) {
        Map<Long, Optional<OfficeView>> parents = new HashMap<>();
        list.forEach(o -> parents.put(o.id(), Optional.of(o)));
        return list.stream().map(o -> {
            OfficeView parent = o.parentId() == null ? null
                    : parents.computeIfAbsent(o.parentId(), offices::find).orElse(null);
            return new OfficeRow(o, regions.find(o.regionCode()).map(Region::name).orElse(o.regionCode().value()),
                    parent == null ? null : parent.name(),
                    parent != null && jurisdiction.covers(parent.regionCode()));
        }).toList();
    }
}
