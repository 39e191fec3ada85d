package vn.gandan.intake.submission;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/** Records that a citizen no longer wants to be told about their petition, and tells notification so, once. */
@Service
public class NotificationWithdrawal {

    /**
     * The relay bumps a petition's version when it removes published events, which it does soon after each save:
     * a withdrawal that meets it reads the petition again. A few tries are plenty.
     */
    private static final int ATTEMPTS = 5;

    private final Petitions petitions;
    private final Clock clock;

    NotificationWithdrawal(Petitions petitions, Clock clock) {
        this.petitions = petitions;
        this.clock = clock;
    }

    /**
     * Withdraws the consent and adds {@code CitizenNotificationsWithdrawn} to the petition's outbox in the same
     * save. A petition whose consent was withdrawn before, or that had none, is returned unchanged.
     *
     * @param portal must be a portal caller
     * @return the petition, or empty if the caller's province has no such petition
     * @throws InvalidRequestException 403 if another portal submitted it: only the one the citizen used may act
     *     for them
     */
    public Optional<Petition> withdraw(String petitionId, Caller portal) {
        for (int attempt = 1; ; attempt++) {
            Optional<Petition> found = petitions.findVisible(petitionId, portal);
            if (found.isEmpty()) {
                return found;
            }
            Petition petition = found.get();
            if (!petition.getPortalId().equals(portal.name())) {
                throw InvalidRequestException.of(HttpStatus.FORBIDDEN, Reason.of("gandan.intake.notify.other-portal"));
            }
            // Milliseconds, as the store keeps them: the answer, the record and the event then agree.
            if (!petition.withdrawNotifications(clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
                return found;
            }
            try {
                return Optional.of(petitions.save(petition));
            } catch (OptimisticLockingFailureException changed) {
                if (attempt == ATTEMPTS) {
                    throw changed;
                }
            }
        }
    }
}
