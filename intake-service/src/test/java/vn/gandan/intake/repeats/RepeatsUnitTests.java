package vn.gandan.intake.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.gandan.intake.normalization.TextNormalizer;

class RepeatsUnitTests {

    static double similarity(String a, String b) {
        return Repeats.similarity(
                Repeats.bigrams(TextNormalizer.searchKey(a)), Repeats.bigrams(TextNormalizer.searchKey(b)));
    }

    @Test
    void theSameComplaintReworded() {
        assertThat(similarity(
                        "Cống thoát nước xóm 3 bị tắc, nước ngập đường", "cong thoat nuoc xom 3 bi tac lam ngap duong"))
                .isGreaterThan(0.5);
    }

    @Test
    void differentMattersInTheSamePlace() {
        assertThat(similarity("Cống thoát nước xóm 3 bị tắc", "Đèn đường ở ngã tư bị hỏng"))
                .isLessThan(0.2);
    }

    @Test
    void nothingInCommonIsZeroAndIdenticalIsOne() {
        assertThat(similarity("", "Cống thoát nước")).isZero();
        assertThat(similarity("Cống thoát nước", "CỐNG  thoát nước!")).isEqualTo(1.0);
    }

    @Test
    void citizenPseudonymsAreStableKeyedAndRevealNothing() {
        var pseudonyms = new CitizenPseudonyms(new RepeatProperties(null, 0, 0, "k1"));
        var other = new CitizenPseudonyms(new RepeatProperties(null, 0, 0, "k2"));
        var citizen = new vn.gandan.intake.submission.Petition.Citizen("An", "+84912345678", null);

        String ref = pseudonyms.of(citizen);
        assertThat(ref).matches("c-[0-9a-f]{32}").doesNotContain("912345678");
        assertThat(pseudonyms.of(citizen)).isEqualTo(ref);
        assertThat(other.of(citizen)).isNotEqualTo(ref);
        assertThat(pseudonyms.of(new vn.gandan.intake.submission.Petition.Citizen("An", null, null)))
                .isNull();
    }
}
