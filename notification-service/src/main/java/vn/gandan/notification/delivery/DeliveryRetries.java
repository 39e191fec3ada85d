package vn.gandan.notification.delivery;

import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/** Another try of a failed delivery, asked for by an operator of its province: it goes out with the same key. */
@Service
public class DeliveryRetries {

    private final Deliveries deliveries;
    private final DeliveryQueue queue;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    DeliveryRetries(Deliveries deliveries, DeliveryQueue queue, DeliveryDispatcher dispatcher, Clock clock) {
        this.deliveries = deliveries;
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public Delivery retry(String id, Caller caller) {
        Delivery delivery = deliveries
                .findById(id)
                .filter(d -> caller.mayAccessProvince(d.getProvinceCode()))
                .orElseThrow(() -> InvalidRequestException.of(
                        HttpStatus.NOT_FOUND, Reason.of("gandan.notification.delivery.not-found", id)));
        if (!Delivery.FAILED.equals(delivery.getStatus())) {
            throw InvalidRequestException.of(
                    HttpStatus.CONFLICT,
                    Reason.of("gandan.notification.delivery.not-failed", id, delivery.getStatus()));
        }
        var now = clock.instant();
        queue.dueAgain(id, now);
        delivery.retry(now);
        Delivery saved = deliveries.save(delivery);
        dispatcher.wakeUp();
        return saved;
    }
}
