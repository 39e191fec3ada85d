package vn.gandan.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** For a test of a batch listener: records sent while it is held come in its next poll together. */
public final class OnePoll {

    private OnePoll() {}

    /**
     * Pauses the listener, runs the sends, and resumes it. A fetch already in flight when it paused may still bring
     * a record in a poll of its own.
     */
    public static void of(KafkaListenerEndpointRegistry containers, String listenerId, Runnable sends) {
        MessageListenerContainer container = containers.getListenerContainer(listenerId);
        container.pause();
        await().atMost(Duration.ofSeconds(20)).until(container::isContainerPaused);
        try {
            sends.run();
        } finally {
            container.resume();
        }
    }
}
