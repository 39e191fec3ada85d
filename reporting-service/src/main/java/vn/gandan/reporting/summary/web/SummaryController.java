package vn.gandan.reporting.summary.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.reporting.summary.Summaries;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.InvalidRequestException;

@RestController
@RequestMapping("/api/v1/reports")
class SummaryController {

    private final Summaries summaries;

    SummaryController(Summaries summaries) {
        this.summaries = summaries;
    }

    /** The caller's province, or (for a national admin) the province asked for. */
    @GetMapping("/summary")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPERATOR', 'ADMIN')")
    Summaries.Summary summary(@RequestParam(required = false) String province, Caller caller) {
        String asked = province != null ? province : caller.provinceCode();
        if (asked == null) {
            throw new InvalidRequestException("province", "is required for a national caller");
        }
        if (!caller.mayAccessProvince(asked)) {
            throw new InvalidRequestException(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "This caller may not see that province.",
                    java.util.List.of());
        }
        return summaries.of(asked);
    }
}
