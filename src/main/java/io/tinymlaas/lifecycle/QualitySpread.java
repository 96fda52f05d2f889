package io.tinymlaas.lifecycle;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.examples.Example;
import io.tinymlaas.report.Quality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The flakiness check: one example trained from many seeds on one data version, each int8 model judged by the
 * reference interpreter, and how its gated quality figures spread. Two estimates of how often a new seed would miss a
 * goal: a normal fit (a gate {@value #SIGMAS_FOR_ONE_IN_A_THOUSAND} standard deviations from the mean misses 1 run in
 * 1,000), and, since accuracies have a heavier tail on their bad side than a normal one, an exponential fit to the worst
 * tenth of the runs (peaks over a threshold). The first seed is trained twice, and both models must be the same bytes.
 */
public final class QualitySpread {

    /** One-sided normal quantile of 0.999. */
    public static final double SIGMAS_FOR_ONE_IN_A_THOUSAND = 3.09;

    /** One training: its seed, the int8 model's SHA-256 and quality, and the seconds it took. */
    public record Run(long seed, String modelSha256, List<Quality> quality, double seconds) {

        public boolean passed() {
            return quality.stream().allMatch(Quality::passed);
        }
    }

    /**
     * One gated figure over every run.
     *
     * @param marginSigmas          how many standard deviations the mean lies inside the goal (infinite when every run
     *                              gave the same value inside it)
     * @param estimatedFailureRate  the share of runs a normal distribution with this mean and deviation puts outside
     * @param tailFailureRate       the share of runs outside the goal by an exponential fit to the worst tenth of the runs
     *                              (at least 2): their distances beyond the next-worst run, extended to the goal
     * @param boundForOneInAThousand the tightest goal that the normal fit would miss only 1 run in 1,000
     */
    public record Spread(String metric, Quality.Goal goal, double bound, int runs, int failures, double min, double mean,
                         double max, double standardDeviation, double marginSigmas, double estimatedFailureRate,
                         double tailFailureRate, double boundForOneInAThousand) {
    }

    /** The whole check of one example; {@code reproduced} is the SHA-256 of the first seed's model trained again. */
    public record Result(String example, String dataVersion, List<Run> runs, String reproduced, List<Spread> spreads) {

        public boolean reproducible() {
            return runs.get(0).modelSha256().equals(reproduced);
        }

        public int failures() {
            return (int) runs.stream().filter(run -> !run.passed()).count();
        }
    }

    private QualitySpread() {
    }

    /**
     * Collects the example's data once, then trains, converts and judges it from seeds {@code firstSeed} onwards,
     * {@code runs} times, each in a folder of its own under {@code work}; {@code progress} hears of each run.
     */
    public static Result measure(Example example, Path work, Path datasetRoot, long firstSeed, int runs, Consumer<Run> progress) {
        if (runs < 2) {
            throw new TinymlException("a spread needs at least 2 runs, not " + runs);
        }
        StoredDataset data = new Lifecycle(example, work, datasetRoot).collect();
        List<Run> all = new ArrayList<>();
        for (long seed = firstSeed; seed < firstSeed + runs; seed++) {
            Run run = train(example, work, datasetRoot, data, seed);
            progress.accept(run);
            all.add(run);
        }
        String reproduced = train(example, work.resolve("again"), datasetRoot, data, firstSeed).modelSha256();
        return new Result(example.name(), data.version(), List.copyOf(all), reproduced, spreads(all));
    }

    private static Run train(Example example, Path work, Path datasetRoot, StoredDataset data, long seed) {
        long started = System.nanoTime();
        Lifecycle lifecycle = new Lifecycle(example, work.resolve("seed-" + seed), datasetRoot);
        lifecycle.use(data);
        lifecycle.train(seed);
        String sha256 = lifecycle.convert().sha256();
        List<Quality> quality = lifecycle.checkWithReference();
        return new Run(seed, sha256, quality, (System.nanoTime() - started) / 1e9);
    }

    /** The spread of each figure that has a goal, in the order the example judges them. */
    static List<Spread> spreads(List<Run> runs) {
        List<Spread> spreads = new ArrayList<>();
        List<Quality> first = runs.get(0).quality();
        for (int i = 0; i < first.size(); i++) {
            Quality gate = first.get(i);
            if (gate.goal() == Quality.Goal.NONE) {
                continue;
            }
            int index = i;
            DescriptiveStatistics values = new DescriptiveStatistics();
            runs.forEach(run -> values.addValue(run.quality().get(index).value()));
            int failures = (int) runs.stream().filter(run -> !run.quality().get(index).passed()).count();
            spreads.add(spread(gate, values, failures, tailFailureRate(gate, values.getSortedValues())));
        }
        return spreads;
    }

    /**
     * Peaks over a threshold: the k = max(2, n / 10) worst values lie beyond the (k+1)-th worst, u, by distances whose
     * mean β estimates an exponential tail; the goal, d beyond u, is then missed by a share (k / n)·e^(−d / β).
     */
    static double tailFailureRate(Quality gate, double[] ascending) {
        int n = ascending.length;
        int k = Math.min(n - 1, Math.max(2, n / 10));
        boolean atLeast = gate.goal() == Quality.Goal.AT_LEAST;
        double threshold = atLeast ? ascending[k] : ascending[n - 1 - k];
        double beyond = 0;
        for (int i = 0; i < k; i++) {
            beyond += atLeast ? threshold - ascending[i] : ascending[n - 1 - i] - threshold;
        }
        double scale = beyond / k;
        double distanceToGoal = atLeast ? threshold - gate.bound() : gate.bound() - threshold;
        if (distanceToGoal <= 0) {
            return (double) k / n;
        }
        return scale > 0 ? (double) k / n * Math.exp(-distanceToGoal / scale) : 0;
    }

    private static Spread spread(Quality gate, DescriptiveStatistics values, int failures, double tailFailureRate) {
        double mean = values.getMean();
        double deviation = values.getStandardDeviation();
        boolean atLeast = gate.goal() == Quality.Goal.AT_LEAST;
        double inside = atLeast ? mean - gate.bound() : gate.bound() - mean;
        double margin;
        double failureRate;
        if (deviation > 0) {
            margin = inside / deviation;
            double below = new NormalDistribution(null, mean, deviation).cumulativeProbability(gate.bound());
            failureRate = atLeast ? below : 1 - below;
        } else {
            margin = inside >= 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            failureRate = inside >= 0 ? 0 : 1;
        }
        double safeBound = atLeast ? mean - SIGMAS_FOR_ONE_IN_A_THOUSAND * deviation : mean + SIGMAS_FOR_ONE_IN_A_THOUSAND * deviation;
        return new Spread(gate.metric(), gate.goal(), gate.bound(), (int) values.getN(), failures, values.getMin(), mean,
                values.getMax(), deviation, margin, failureRate, tailFailureRate, safeBound);
    }
}
