package vn.gandan.testsupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The store commands a service has sent so far, as Spring Boot's MongoDB command metrics count them and as the
 * benchmark counts them: a bulk write of many documents is one command.
 */
public final class StoreCommands {

    private StoreCommands() {}

    /** @param command {@code insert}, {@code update}, {@code delete}, {@code find}… */
    public static long count(MeterRegistry meters, String command, String collection) {
        return (long)
                meters
                        .find("mongodb.driver.commands")
                        .tag("command", command)
                        .tag("collection", collection)
                        .timers()
                        .stream()
                        .mapToDouble(Timer::count)
                        .sum();
    }
}
