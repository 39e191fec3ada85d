package vn.gandan.routing.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.gandan.events.PetitionKind;

class LegalClockUnitTests {

    static final LegalClock clock = new LegalClock(WorkingCalendar.bundled(), ClockPolicies.bundled());

    /** An instant given as Viet Nam local time. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aRecommendationReceivedJustBeforeTet2026IsDueAfterTheHoliday() {
        // Received Thu 12 Feb 2026 (not counted). Working days: Fri 13 Feb (1); Sat 14 – Sun 22 Feb are the
        // weekends and Tết (16–20 Feb); Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5), Fri 27 (6),
        // Mon 2 Mar (7), Tue 3 (8), Wed 4 (9), Thu 5 Mar (10).
        LegalDeadline reply = clock.start(
                PetitionKind.RECOMMENDATION, ClockStep.REPLY, at("2026-02-12T15:00"), Circumstances.ORDINARY);

        assertThat(reply.dueDate()).isEqualTo(day("2026-03-05"));
        assertThat(reply.dueBy(at("2026-03-05T12:00"))).isEqualTo(at("2026-03-06T00:00"));
        assertThat(reply.isOverdue(at("2026-03-05T23:59:59"))).isFalse();
        assertThat(reply.isOverdue(at("2026-03-06T00:00"))).isTrue();
        assertThat(reply.isApproximate(at("2026-02-12T15:00"))).isFalse();
    }

    @Test
    void aComplaintReceived30June2026Gets10WorkingDaysForAcceptance() {
        // Tue 30 Jun not counted; Wed 1 (1), Thu 2, Fri 3, Mon 6 (4) … Fri 10 (8), Mon 13 (9), Tue 14 Jul (10).
        LegalDeadline acceptance = clock.start(
                PetitionKind.COMPLAINT, ClockStep.ACCEPTANCE, at("2026-06-30T10:00"), Circumstances.ORDINARY);

        assertThat(acceptance.policy().limit()).isEqualTo(10);
        assertThat(acceptance.dueDate()).isEqualTo(day("2026-07-14"));
    }

    @Test
    void aComplaintReceived1July2026Gets7WorkingDaysForAcceptance() {
        // Wed 1 Jul not counted; Thu 2 (1), Fri 3 (2), Mon 6 (3) … Fri 10 Jul (7).
        LegalDeadline acceptance = clock.start(
                PetitionKind.COMPLAINT, ClockStep.ACCEPTANCE, at("2026-07-01T10:00"), Circumstances.ORDINARY);

        assertThat(acceptance.policy().limit()).isEqualTo(7);
        assertThat(acceptance.dueDate()).isEqualTo(day("2026-07-10"));
    }

    @Test
    void theReceiptDayIsTheLocalDateInVietNam() {
        // 17:30 UTC on 30 June is 00:30 on 1 July in Hà Nội: the new version applies.
        LegalDeadline acceptance = clock.start(
                PetitionKind.COMPLAINT,
                ClockStep.ACCEPTANCE,
                Instant.parse("2026-06-30T17:30:00Z"),
                Circumstances.ORDINARY);

        assertThat(acceptance.startDate()).isEqualTo(day("2026-07-01"));
        assertThat(acceptance.policy().id()).isEqualTo("complaint.acceptance@2026-07-01");
    }

    @Test
    void aCaseKeepsThePolicyInForceWhenItWasReceivedWhateverItsLaterSteps() {
        LegalDeadline resolution = clock.start(
                PetitionKind.COMPLAINT,
                ClockStep.FIRST_RESOLUTION,
                at("2026-06-30T10:00"),
                at("2026-07-10T10:00"),
                Circumstances.ORDINARY);

        assertThat(resolution.receivedAt()).isEqualTo(at("2026-06-30T10:00"));
        assertThat(resolution.startDate()).isEqualTo(day("2026-07-10"));
        assertThat(clock.policyFor(PetitionKind.COMPLAINT, ClockStep.ACCEPTANCE, resolution.receivedAt())
                        .limit())
                .isEqualTo(10);
    }

    @Test
    void aCalendarDayPeriodEndingOnASundayEndsOnMonday() {
        // Accepted Fri 2 Oct 2026 + 30 days = Sun 1 Nov 2026 → Mon 2 Nov.
        LegalDeadline resolution = firstResolutionAcceptedOn("2026-10-02T09:00");

        assertThat(resolution.dueDate()).isEqualTo(day("2026-11-02"));
    }

    @Test
    void aCalendarDayPeriodEndingOnAHolidayEndsOnTheNextWorkingDay() {
        // Accepted Tue 31 Mar 2026 + 30 days = Thu 30 Apr (holiday); Fri 1 May (holiday), Sat, Sun → Mon 4 May.
        assertThat(firstResolutionAcceptedOn("2026-03-31T09:00").dueDate()).isEqualTo(day("2026-05-04"));
        // Accepted Sat 17 Jan 2026 + 30 days = Mon 16 Feb, in Tết → Mon 23 Feb.
        assertThat(firstResolutionAcceptedOn("2026-01-17T09:00").dueDate()).isEqualTo(day("2026-02-23"));
    }

    @Test
    void aComplexComplaintInARemoteAreaGetsSixtyDays() {
        LegalDeadline resolution = clock.start(
                PetitionKind.COMPLAINT,
                ClockStep.FIRST_RESOLUTION,
                at("2026-03-01T09:00"),
                at("2026-03-02T09:00"),
                Circumstances.of(Complexity.COMPLEX).inRemoteArea());

        // Mon 2 Mar + 60 days = Fri 1 May (holiday) → Mon 4 May.
        assertThat(resolution.limit()).isEqualTo(60);
        assertThat(resolution.dueDate()).isEqualTo(day("2026-05-04"));
    }

    @Test
    void aStepThatRunsFromAcceptanceNeedsTheAcceptance() {
        assertThatThrownBy(() -> clock.start(
                        PetitionKind.DENUNCIATION,
                        ClockStep.RESOLUTION,
                        at("2026-03-01T09:00"),
                        Circumstances.ORDINARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs from acceptance");
    }

    @Test
    void aComplexDenunciationMayBeExtendedOnceByThirtyDays() {
        LegalDeadline resolution = denunciationResolution(Complexity.COMPLEX);
        // Accepted Mon 2 Mar 2026 + 30 = Wed 1 Apr.
        assertThat(resolution.dueDate()).isEqualTo(day("2026-04-01"));

        LegalDeadline extended = resolution.extend(at("2026-03-25T09:00"), 30, "verification in two provinces");
        // + 60 = Fri 1 May (holiday) → Mon 4 May.
        assertThat(extended.dueDate()).isEqualTo(day("2026-05-04"));

        assertThatThrownBy(() -> extended.extend(at("2026-04-20T09:00"), 30, "more"))
                .isInstanceOf(ExtensionRefusedException.class)
                .hasMessage("denunciation resolution of a complex case may be extended at most 1 time(s), each by up"
                        + " to 30 calendar days (Luật Tố cáo 2018, điều 30); extension 2 is beyond the law");
    }

    @Test
    void anEspeciallyComplexDenunciationMayBeExtendedTwiceButNotAThirdTime() {
        LegalDeadline twice = denunciationResolution(Complexity.ESPECIALLY_COMPLEX)
                .extend(at("2026-03-25T09:00"), 30, "first")
                .extend(at("2026-04-28T09:00"), 30, "second");

        // + 90 = Sun 31 May → Mon 1 Jun: ninety days at most.
        assertThat(twice.dueDate()).isEqualTo(day("2026-06-01"));
        assertThatThrownBy(() -> twice.extend(at("2026-05-20T09:00"), 30, "third"))
                .isInstanceOf(ExtensionRefusedException.class)
                .hasMessageContaining("at most 2 time(s)")
                .hasMessageContaining("extension 3 is beyond the law");
    }

    @Test
    void extensionsOnlyAsTheLawAllows() {
        assertThatThrownBy(() -> denunciationResolution(Complexity.ORDINARY).extend(at("2026-03-25T09:00"), 30, "busy"))
                .isInstanceOf(ExtensionRefusedException.class)
                .hasMessageContaining("may be extended only for a [complex, especially_complex] case")
                .hasMessageContaining("this case is ordinary");
        assertThatThrownBy(() -> denunciationResolution(Complexity.COMPLEX).extend(at("2026-03-25T09:00"), 31, "x"))
                .isInstanceOf(ExtensionRefusedException.class)
                .hasMessageContaining("by at most 30 calendar days at a time");
        assertThatThrownBy(() -> denunciationResolution(Complexity.COMPLEX).extend(at("2026-04-02T00:00"), 30, "x"))
                .isInstanceOf(ExtensionRefusedException.class)
                .hasMessageContaining("ran out at the end of 2026-04-01");
        assertThatThrownBy(() -> clock.start(
                                PetitionKind.COMPLAINT,
                                ClockStep.ACCEPTANCE,
                                at("2026-07-01T10:00"),
                                Circumstances.of(Complexity.COMPLEX))
                        .extend(at("2026-07-02T10:00"), 3, "x"))
                .isInstanceOf(ExtensionRefusedException.class)
                .hasMessage(
                        "the law allows no extension of complaint acceptance (Nghị định 155/2026 (Decree 155/2026))");
    }

    @Test
    void reclassifyingACaseKeepsOnlyExtensionsTheLawStillAllows() {
        LegalDeadline twice = denunciationResolution(Complexity.ESPECIALLY_COMPLEX)
                .extend(at("2026-03-25T09:00"), 30, "first")
                .extend(at("2026-04-28T09:00"), 30, "second");

        assertThatThrownBy(() -> twice.reclassify(Circumstances.of(Complexity.COMPLEX)))
                .isInstanceOf(ExtensionRefusedException.class);
        assertThat(denunciationResolution(Complexity.ORDINARY)
                        .reclassify(Circumstances.of(Complexity.COMPLEX))
                        .extend(at("2026-03-25T09:00"), 30, "found complex")
                        .dueDate())
                .isEqualTo(day("2026-05-04"));
    }

    @Test
    void waitingForTheCitizenMovesAWorkingDayDeadlineByTheWorkingDaysPaused() {
        // Received Mon 2 Mar 2026: Tue 3 (1) … Mon 16 Mar (10) without a pause.
        LegalDeadline reply = clock.start(
                PetitionKind.RECOMMENDATION, ClockStep.REPLY, at("2026-03-02T09:00"), Circumstances.ORDINARY);
        assertThat(reply.dueDate()).isEqualTo(day("2026-03-16"));

        // Paused Wed 4 Mar, resumed Mon 9 Mar: Thu 5, Fri 6 and Mon 9 do not count (Wed 4 did, as the
        // pause came during it); the clock runs again from Tue 10. Three working days later: Thu 19 Mar.
        LegalDeadline paused = reply.pause(at("2026-03-04T09:00"), Pause.WAITING_FOR_CITIZEN);
        assertThat(paused.isPaused(at("2026-03-06T09:00"))).isTrue();
        assertThat(paused.isOverdue(at("2026-03-06T09:00"))).isFalse();
        assertThat(paused.dueDate(at("2026-03-06T09:00"))).isEqualTo(day("2026-03-18"));
        assertThatThrownBy(paused::dueDate).isInstanceOf(IllegalStateException.class);

        LegalDeadline resumed = paused.resume(at("2026-03-09T10:00"));
        assertThat(resumed.dueDate()).isEqualTo(day("2026-03-19"));
        assertThat(resumed.pauses()).singleElement().satisfies(pause -> {
            assertThat(pause.reason()).isEqualTo("waiting_for_citizen");
            assertThat(pause.to()).isEqualTo(at("2026-03-09T10:00"));
        });
        // As of a moment before the pause, nothing had moved yet.
        assertThat(resumed.dueDate(at("2026-03-03T09:00"))).isEqualTo(day("2026-03-16"));
    }

    @Test
    void waitingForTheCitizenMovesACalendarDayDeadlineByTheDaysPaused() {
        // Accepted Mon 2 Mar 2026 + 30 = Wed 1 Apr; paused Tue 10 – Sun 15 Mar takes out 11–15 Mar (5 days).
        LegalDeadline resolution = firstResolutionAcceptedOn("2026-03-02T09:00")
                .pause(at("2026-03-10T09:00"), Pause.WAITING_FOR_CITIZEN)
                .resume(at("2026-03-15T18:00"));

        assertThat(resolution.dueDate()).isEqualTo(day("2026-04-06"));
    }

    @Test
    void aPauseAndResumptionOnTheSameDayMoveNothing() {
        LegalDeadline reply = clock.start(
                        PetitionKind.RECOMMENDATION, ClockStep.REPLY, at("2026-03-02T09:00"), Circumstances.ORDINARY)
                .pause(at("2026-03-04T09:00"), Pause.WAITING_FOR_CITIZEN)
                .resume(at("2026-03-04T16:00"));

        assertThat(reply.dueDate()).isEqualTo(day("2026-03-16"));
    }

    @Test
    void aPeriodThatHasRunOutCannotBePaused() {
        LegalDeadline reply = clock.start(
                PetitionKind.RECOMMENDATION, ClockStep.REPLY, at("2026-03-02T09:00"), Circumstances.ORDINARY);

        assertThatThrownBy(() -> reply.pause(at("2026-03-17T09:00"), Pause.WAITING_FOR_CITIZEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ran out at the end of 2026-03-16");
        assertThatThrownBy(() -> reply.pause(at("2026-03-03T09:00"), " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOfflinePetitionReceivedFortyDaysAgoIsOverdueOnArrival() {
        Clock now = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), WorkingCalendar.ZONE);
        Instant receivedAt = now.instant().minus(Duration.ofDays(40)); // Fri 16 Oct 2026, 10:00 in Hà Nội

        LegalDeadline reply =
                clock.start(PetitionKind.RECOMMENDATION, ClockStep.REPLY, receivedAt, Circumstances.ORDINARY);

        // Mon 19 (1) … Fri 23 (5), Mon 26 (6) … Fri 30 Oct (10).
        assertThat(reply.dueDate()).isEqualTo(day("2026-10-30"));
        assertThat(reply.isOverdue(now.instant())).isTrue();
        // 2–6, 9–13, 16–20 Nov and 23–25 Nov: 18 working days late.
        assertThat(reply.remaining(now.instant())).isEqualTo(new Remaining(-18, DayUnit.WORKING_DAYS, true));
    }

    @Test
    void remainingCountsInThePeriodsUnit() {
        LegalDeadline reply = clock.start(
                PetitionKind.RECOMMENDATION, ClockStep.REPLY, at("2026-03-02T09:00"), Circumstances.ORDINARY);

        assertThat(reply.remaining(at("2026-03-13T09:00"))).isEqualTo(new Remaining(1, DayUnit.WORKING_DAYS, false));
        assertThat(reply.remaining(at("2026-03-16T23:00"))).isEqualTo(new Remaining(0, DayUnit.WORKING_DAYS, false));
        assertThat(reply.remaining(at("2026-03-17T08:00"))).isEqualTo(new Remaining(-1, DayUnit.WORKING_DAYS, true));
    }

    @Test
    void aDeadlineInAYearWithoutDataIsComputedOnTheFallbackAndFlaggedApproximate() {
        // Fri 26 Apr 2030: Mon 29 (1); 30 Apr and 1 May are fixed-date holidays; Thu 2 (2), Fri 3 (3),
        // Mon 6 (4) … Fri 10 (8), Mon 13 (9), Tue 14 May (10).
        LegalDeadline reply = clock.start(
                PetitionKind.RECOMMENDATION, ClockStep.REPLY, at("2030-04-26T09:00"), Circumstances.ORDINARY);

        assertThat(reply.dueDate()).isEqualTo(day("2030-05-14"));
        assertThat(reply.isApproximate(at("2030-04-26T09:00"))).isTrue();

        // Tue 28 Dec 2027 runs into 2028, which has no data yet; 1 Jan 2028 (Sat) is taken on Mon 3 Jan.
        LegalDeadline acrossTheYear = clock.start(
                PetitionKind.RECOMMENDATION, ClockStep.REPLY, at("2027-12-28T09:00"), Circumstances.ORDINARY);
        assertThat(acrossTheYear.dueDate()).isEqualTo(day("2028-01-12"));
        assertThat(acrossTheYear.isApproximate(at("2027-12-28T09:00"))).isTrue();
    }

    static LegalDeadline firstResolutionAcceptedOn(String acceptedAt) {
        Instant accepted = at(acceptedAt);
        return clock.start(
                PetitionKind.COMPLAINT,
                ClockStep.FIRST_RESOLUTION,
                accepted.minus(Duration.ofDays(3)),
                accepted,
                Circumstances.ORDINARY);
    }

    static LegalDeadline denunciationResolution(Complexity complexity) {
        return clock.start(
                PetitionKind.DENUNCIATION,
                ClockStep.RESOLUTION,
                at("2026-02-27T09:00"),
                at("2026-03-02T09:00"),
                Circumstances.of(complexity));
    }
}
