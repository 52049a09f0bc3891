package org.baraza.participation.districts;

import java.util.List;
import java.util.Optional;
import org.baraza.platform.District;
import org.baraza.platform.Districts;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Component;

/** The districts of a municipality, by code and name, as participation needs them: scope, eligibility, turnout. */
@Component
public class KnownDistricts {

    private final Districts districts;

    KnownDistricts(Districts districts) {
        this.districts = districts;
    }

    public List<District> list(OrganizationId organization) {
        return districts.list(organization);
    }

    public Optional<District> byCode(OrganizationId organization, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return list(organization).stream().filter(district -> district.code().equals(code)).findFirst();
    }

    /** The district's name, or its code if it has since been removed from the register. */
    public String name(OrganizationId organization, String code) {
        return byCode(organization, code).map(District::name).orElse(code);
    }
}
