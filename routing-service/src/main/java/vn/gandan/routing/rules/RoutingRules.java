package vn.gandan.routing.rules;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.authority.AuthorityType;

/** INTERIM (replaced by the rules feature): the commune's People's Committee, else triage. */
@Service
public class RoutingRules {

    private final AuthorityDirectory directory;

    RoutingRules(AuthorityDirectory directory) {
        this.directory = directory;
    }

    public RoutingDecision decide(RoutingInputs in) {
        String units = AdminUnits.official().dataVersion();
        if (in.communeCode() == null) {
            return RoutingDecision.triage("commune_missing", null, null, 0, Map.of(), units, directory.version());
        }
        return directory
                .byType(
                        AuthorityType.COMMUNE_PEOPLES_COMMITTEE,
                        null,
                        in.provinceCode(),
                        in.communeCode(),
                        in.receivedOn())
                .map(a -> new RoutingDecision(
                        a,
                        "commune-people-committee",
                        1,
                        Map.of("communeCode", in.communeCode()),
                        units,
                        directory.version(),
                        null,
                        null,
                        List.of()))
                .orElseGet(() ->
                        RoutingDecision.triage("commune_unknown", null, null, 0, Map.of(), units, directory.version()));
    }
}
