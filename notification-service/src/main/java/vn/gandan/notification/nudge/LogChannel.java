package vn.gandan.notification.nudge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The first channel: writes the nudge to the log. Real channels (SMTP, SMS, Zalo, webhooks) come next. */
@Component
class LogChannel {

    static final String NAME = "log";

    private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

    void deliver(Notification notification) {
        log.info(
                "Nudge {} to {} about petition {}: {}",
                notification.getPurpose(),
                notification.getRecipient(),
                notification.getPetitionId(),
                notification.getMessage());
    }
}
