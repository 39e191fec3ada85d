package vn.gandan.reporting.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The analysts' page (static files under {@code static/dashboard/}) at a short address. */
@Controller
class DashboardController {

    @GetMapping({"/dashboard", "/dashboard/"})
    String dashboard() {
        return "forward:/dashboard/index.html";
    }
}
