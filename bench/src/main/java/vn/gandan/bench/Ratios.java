package vn.gandan.bench;

/** The pipeline's figures as shares of the raw ceilings measured in the same run. */
public final class Ratios {

    private Ratios() {}

    /** Per petition: a count over a phase divided by the petitions accepted in it; NaN without petitions. */
    public static double perPetition(long count, long petitions) {
        return petitions <= 0 ? Double.NaN : (double) count / petitions;
    }

    /**
     * Efficiency: the store writes the pipeline made per second (petitions/s × writes per petition) over what the
     * store takes raw; 1.0 means the pipeline uses the whole ceiling.
     */
    public static double efficiency(
            double petitionsPerSecond, double writesPerPetition, double ceilingWritesPerSecond) {
        if (ceilingWritesPerSecond <= 0 || Double.isNaN(writesPerPetition)) {
            return Double.NaN;
        }
        return petitionsPerSecond * writesPerPetition / ceilingWritesPerSecond;
    }

    /** The most petitions per second a ceiling would allow if nothing but its operations cost anything. */
    public static double petitionsAllowed(double ceilingPerSecond, double operationsPerPetition) {
        return operationsPerPetition <= 0 || Double.isNaN(operationsPerPetition)
                ? Double.NaN
                : ceilingPerSecond / operationsPerPetition;
    }

    /** Seconds {@code total} would take at {@code perSecond}. */
    public static double secondsFor(long total, double perSecond) {
        return perSecond <= 0 ? Double.NaN : total / perSecond;
    }

    /** Share of inserts among writes, for the mixed store ceiling. */
    public static double insertShare(Counters c) {
        long writes = c.writes();
        if (writes == 0) {
            return 0;
        }
        long inserts = c.commands().entrySet().stream()
                .filter(e -> e.getKey().startsWith("insert|"))
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
        return (double) inserts / writes;
    }
}
