package vn.gandan.testsupport.sweep;

/** A malformed request whose answer was not a proper refusal, with what was wrong and the answer's start. */
public record Finding(Probe probe, Credentials credentials, Answer answer, String problem) {

    @Override
    public String toString() {
        return probe.operation() + " [" + probe.variant() + "] as " + credentials.name() + ": " + problem + "\n    "
                + probe.describe() + "\n    -> " + answer.status() + " " + answer.contentType() + " "
                + Probe.cut(answer.body().replace('\n', ' '), 200);
    }
}
