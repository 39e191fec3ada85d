package vn.gandan.routing.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.cases.CaseState;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;

class QueueFilterUnitTests {

    static final Queue TRIAGE = Queue.triage("40");

    static QueueFilter parse(
            Queue queue, List<String> state, String overdue, String dueBefore, String page, String size) {
        return QueueFilter.parse(queue, state, overdue, dueBefore, null, null, null, page, size);
    }

    @Test
    void defaultsToEveryStateOfTheQueueAndTheFirstPageOfFifty() {
        QueueFilter filter = QueueFilter.parse(TRIAGE, null, null, null, null, null, null, null, null);
        assertThat(filter.states()).containsExactly(CaseState.TRIAGE);
        assertThat(filter.page()).isZero();
        assertThat(filter.size()).isEqualTo(50);
        assertThat(filter.overdue()).isNull();
        assertThat(filter.dueBefore()).isNull();
    }

    @Test
    void takesStatesRepeatedOrCommaSeparated() {
        QueueFilter filter = QueueFilter.parse(
                openQueue(),
                List.of("routed,in_progress", " acknowledged "),
                "true",
                "2026-07-01",
                "complaint",
                " land.dispute ",
                "17611",
                "2",
                "200");
        assertThat(filter.states())
                .containsExactlyInAnyOrder(CaseState.ROUTED, CaseState.IN_PROGRESS, CaseState.ACKNOWLEDGED);
        assertThat(filter.overdue()).isTrue();
        assertThat(filter.dueBefore()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(filter.kind()).isEqualTo(PetitionKind.COMPLAINT);
        assertThat(filter.category()).isEqualTo("land.dispute");
        assertThat(filter.communeCode()).isEqualTo("17611");
        assertThat(filter.page()).isEqualTo(2);
        assertThat(filter.size()).isEqualTo(200);
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        var bad = catchThrowableOfType(
                InvalidRequestException.class,
                () -> QueueFilter.parse(
                        openQueue(), List.of("resolved"), "maybe", "01/07/2026", "petition", null, null, "-1", "0"));
        assertThat(bad.status().value()).isEqualTo(400);
        assertThat(bad.reasons())
                .extracting(FieldReason::field)
                .containsExactly("state", "overdue", "dueBefore", "kind", "page", "size");
        assertThat(bad.reasons().get(0).reason().args())
                .containsExactly("resolved", "routed, acknowledged, in_progress");
    }

    @Test
    void aTriageQueueHoldsOnlyTriageAndAnAuthorityQueueNoTriage() {
        assertThat(fields(() -> parse(TRIAGE, List.of("routed"), null, null, null, null)))
                .containsExactly("state");
        assertThat(fields(() -> parse(openQueue(), List.of("triage"), null, null, null, null)))
                .containsExactly("state");
    }

    /** ADR 0017: history is in no working queue, so no listing takes it as a state, nor counts it. */
    @Test
    void noQueueHoldsArchivedCases() {
        assertThat(fields(() -> parse(TRIAGE, List.of("archived"), null, null, null, null)))
                .containsExactly("state");
        assertThat(fields(() -> parse(openQueue(), List.of("archived"), null, null, null, null)))
                .containsExactly("state");
        assertThat(TRIAGE.states()).doesNotContain(CaseState.ARCHIVED);
        assertThat(openQueue().states()).doesNotContain(CaseState.ARCHIVED);
        assertThat(QueueCounts.WAITING).doesNotContain(CaseState.ARCHIVED);
    }

    @Test
    void sizeIsBetweenOneAndTwoHundredAndPagesAreWholeNumbers() {
        assertThat(fields(() -> parse(TRIAGE, null, null, null, null, "201"))).containsExactly("size");
        assertThat(fields(() -> parse(TRIAGE, null, null, null, "x", null))).containsExactly("page");
        assertThat(parse(TRIAGE, null, "false", null, "0", "1").size()).isEqualTo(1);
    }

    private static Queue openQueue() {
        return Queue.of(Authorities.commune17611());
    }

    private static List<String> fields(Runnable parse) {
        var bad = catchThrowableOfType(InvalidRequestException.class, parse::run);
        assertThat(bad).as("a problem").isNotNull();
        return bad.reasons().stream().map(FieldReason::field).toList();
    }
}
