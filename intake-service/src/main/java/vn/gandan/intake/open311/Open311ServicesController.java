package vn.gandan.intake.open311;

import static vn.gandan.intake.open311.Open311Format.SUFFIX;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.gandan.intake.open311.Open311Views.Discovery;
import vn.gandan.intake.open311.Open311Views.Endpoint;

/** What any client may read without a key: the discovery document, the services and their definitions. */
@RestController
class Open311ServicesController {

    static final String BASE = "/open311/v2";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final Open311Responses responses;
    private final String contact;
    private final String keyService;
    private final String endpointType;

    Open311ServicesController(
            Open311Responses responses,
            @Value("${gandan.open311.contact:Gandan intake, the provincial petition service: ask your province's"
                            + " portal administrators}")
                    String contact,
            @Value("${gandan.open311.key-service:API keys are issued per provincial portal by the gandan"
                            + " operators; a key is bound to one province}")
                    String keyService,
            @Value("${gandan.open311.endpoint-type:production}") String endpointType) {
        this.responses = responses;
        this.contact = contact;
        this.keyService = keyService;
        this.endpointType = endpointType;
    }

    @GetMapping(BASE + "/discovery" + SUFFIX)
    ResponseEntity<byte[]> discovery(@PathVariable String format) {
        String url =
                ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).toUriString();
        Discovery discovery = new Discovery(
                Open311Catalogue.CHANGESET,
                contact,
                keyService,
                List.of(new Endpoint(
                        SPECIFICATION,
                        url,
                        Open311Catalogue.CHANGESET,
                        endpointType,
                        List.of("text/xml", "application/json"))));
        return responses.ok(Open311Format.of(format), "discovery", discovery);
    }

    @GetMapping(BASE + "/services" + SUFFIX)
    ResponseEntity<byte[]> services(@PathVariable String format) {
        return responses.ok(Open311Format.of(format), "services", Open311Catalogue.services());
    }

    /** Codes hold dots ({@code infrastructure.roads.xml}): the format is what follows the last one. */
    @GetMapping(BASE + "/services/{code}" + SUFFIX)
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format) {
        return Open311Catalogue.definition(code)
                .map(definition -> responses.ok(Open311Format.of(format), "service_definition", definition))
                .orElseThrow(() -> Open311Exception.notFound("service_code " + code + " was not found"));
    }

    /** Anything else under {@code /open311}, a wrong suffix included, gets the spec's error list. */
    @RequestMapping("/open311/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        throw Open311Exception.notFound("No such Open311 resource: " + request.getMethod() + " "
                + request.getRequestURI() + " (see " + BASE + "/discovery.xml)");
    }
}
