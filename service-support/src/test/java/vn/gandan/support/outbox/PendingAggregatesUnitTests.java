package vn.gandan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.gandan.support.outbox.PendingAggregates.Pending;
import vn.gandan.testsupport.MutableClock;

class PendingAggregatesUnitTests {

    static final Instant T0 = Instant.parse("2026-12-02T01:00:00Z");

    MutableClock clock = new MutableClock(T0);
    PendingAggregates pending = new PendingAggregates(clock, 3);

    @Test
    void namesAnAggregateOnceAndGivesTheOldestFirst() {
        pending.add("petitions", "a");
        clock.advance(Duration.ofSeconds(1));
        pending.add("petitions", "b");
        pending.add("petitions", "a");

        assertThat(pending.size()).isEqualTo(2);
        assertThat(pending.oldest()).contains(T0);
        var taken = pending.take(1);
        assertThat(taken).containsOnlyKeys(new Pending("petitions", "a"));
        assertThat(pending.waiting()).isEqualTo(1);
        assertThat(pending.size())
                .as("the round's one still counts until relayed")
                .isEqualTo(2);
        assertThat(pending.oldest()).contains(T0);

        pending.relayed(taken);

        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.oldest()).contains(T0.plusSeconds(1));
    }

    @Test
    void whatAFailedRoundPutsBackComesBeforeWhatWasNamedSinceAndKeepsItsTime() {
        pending.add("petitions", "a");
        pending.add("cases", "a");
        var taken = pending.take(10);
        clock.advance(Duration.ofSeconds(5));
        pending.add("petitions", "b");
        pending.add("petitions", "a"); // saved again during the round

        assertThat(pending.size())
                .as("one named again during the round counts once")
                .isEqualTo(3);

        pending.putBack(taken);

        assertThat(pending.size()).isEqualTo(3);
        assertThat(pending.oldest()).contains(T0);
        assertThat(pending.take(10).keySet())
                .containsExactly(
                        new Pending("petitions", "a"), new Pending("cases", "a"), new Pending("petitions", "b"));
        assertThat(pending.waiting()).isZero();
    }

    @Test
    void pastItsCapacityItTurnsNamesAwayAndSaysSoOnce() {
        pending.add("petitions", "a");
        pending.add("petitions", "b");
        pending.add("petitions", "c");
        assertThat(pending.overflowed()).isFalse();

        pending.add("petitions", "d");

        assertThat(pending.size()).isEqualTo(3);
        assertThat(pending.overflowed()).isTrue();
        assertThat(pending.overflowed()).isFalse();
        assertThat(pending.take(10)).doesNotContainKey(new Pending("petitions", "d"));
    }
}
