package vn.gandan.routing.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueOrderUnitTests {

    static QueueOverview.Row row(String id, long total, long overdue) {
        return new QueueOverview.Row(id, id, Map.of(), total, null, null, 0, overdue);
    }

    @Test
    void theMostOverdueComeFirstThenTheLongestThenById() {
        List<QueueOverview.Row> rows = List.of(
                row("ubnd-17605", 9, 0),
                row("triage", 4, 0),
                row("cong-an-40", 1, 1),
                row("ubnd-17611", 9, 0),
                row("ubnd-40", 2, 3));
        assertThat(rows.stream().sorted(QueueOverview.ORDER).map(QueueOverview.Row::authorityId))
                .containsExactly("ubnd-40", "cong-an-40", "ubnd-17605", "ubnd-17611", "triage");
    }
}
