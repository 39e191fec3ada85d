package vn.gandan.routing.queues;

import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.clock.WorkingCalendar;
import vn.gandan.support.security.Caller;
import vn.gandan.support.security.Role;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * Which queues a caller may see. Operators see their province's, national admins any province's (they name it),
 * responders only their own authority's. An authority outside an operator's province is not found, as a case
 * outside it is.
 */
@Component
public class QueueAccess {

    static final String CODE = "gandan.routing.queue.";

    private final AuthorityDirectory directory;
    private final Clock clock;
    private final AdminUnits adminUnits = AdminUnits.official();

    QueueAccess(AuthorityDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The province whose queues the caller asks for.
     *
     * @param asked the {@code province} parameter, or null: an admin must give it, others default to their own
     * @throws InvalidRequestException 400 if an admin gave none or an unknown one, 403 for another province
     */
    public String province(Caller caller, String asked) {
        String province = asked == null || asked.isBlank() ? null : asked;
        if (caller.has(Role.ADMIN) && caller.provinceCode() == null) {
            if (province == null) {
                throw InvalidRequestException.field("province", CODE + "province.required");
            }
        } else if (province == null) {
            province = caller.provinceCode();
        } else if (!caller.mayAccessProvince(province)) {
            throw InvalidRequestException.of(
                    HttpStatus.FORBIDDEN,
                    Reason.of(CODE + "province.forbidden", province),
                    FieldReason.of("province", CODE + "province.forbidden", province));
        }
        if (adminUnits.province(province).isEmpty()) {
            throw InvalidRequestException.field("province", CODE + "province.unknown", province);
        }
        return province;
    }

    /**
     * The queue named by {@code queueId} ({@code triage} or an authority id) if the caller may see it.
     *
     * @param province for the triage queue, as for {@link #province}; ignored for an authority
     * @throws InvalidRequestException 404 for an unknown authority or one outside an operator's province, 403 for a
     *     responder asking for another queue than its authority's
     */
    public Queue queue(Caller caller, String queueId, String province) {
        if (Queue.TRIAGE.equals(queueId)) {
            if (!isOperator(caller)) {
                throw InvalidRequestException.of(HttpStatus.FORBIDDEN, Reason.of(CODE + "triage.operators-only"));
            }
            return Queue.triage(province(caller, province));
        }
        Authority authority = directory
                .find(queueId, WorkingCalendar.localDate(clock.instant()))
                .orElseThrow(() -> notFound(queueId));
        if (isOperator(caller)) {
            if (!caller.mayAccessProvince(authority.provinceCode())) {
                throw notFound(queueId);
            }
        } else if (!authority.id().equals(caller.authorityId())) {
            throw InvalidRequestException.of(
                    HttpStatus.FORBIDDEN, Reason.of(CODE + "not-your-authority", String.valueOf(caller.authorityId())));
        }
        return Queue.of(authority);
    }

    /** Operators and admins work the queues; a responder only reads its own. */
    static boolean isOperator(Caller caller) {
        return caller.has(Role.OPERATOR) || caller.has(Role.ADMIN);
    }

    private static InvalidRequestException notFound(String queueId) {
        return InvalidRequestException.of(HttpStatus.NOT_FOUND, Reason.of(CODE + "unknown", queueId));
    }
}
