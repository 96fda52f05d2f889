package io.tinymlaas.lifecycle;

import io.tinymlaas.report.Quality;
import io.tinymlaas.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The flakiness check's results as one Markdown table: per example and gated figure, the spread against the goal. */
public final class QualitySpreadReport {

    private QualitySpreadReport() {
    }

    /** Writes flakiness.md and flakiness.json (every run's seed, model hash and figures) into {@code directory}. */
    public static Path write(List<QualitySpread.Result> results, Path directory) {
        Path markdown = directory.resolve("flakiness.md");
        ReportWriter.writeText(markdown(results), markdown);
        ReportWriter.writeJson(results, directory.resolve("flakiness.json"));
        return markdown;
    }

    public static String markdown(List<QualitySpread.Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("| example | data | seeds | same seed, same bytes | figure | goal | failures | min | mean | max | std. dev. "
                + "| margin (σ) | failure rate, normal fit | failure rate, tail fit | goal for 1 in 1,000 (normal) |\n");
        md.append("|---|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (QualitySpread.Result result : results) {
            List<QualitySpread.Run> runs = result.runs();
            String seeds = runs.get(0).seed() + "–" + runs.get(runs.size() - 1).seed();
            for (QualitySpread.Spread s : result.spreads()) {
                String goal = (s.goal() == Quality.Goal.AT_LEAST ? "≥ " : "≤ ") + format(s.bound());
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d of %d | %s | %s | %s | %s | %s | %s | %s | %s %s |%n",
                        result.example(), result.dataVersion(), seeds, result.reproducible() ? "yes" : "NO",
                        s.metric().replace("|", "\\|"), goal, s.failures(), s.runs(), format(s.min()), format(s.mean()),
                        format(s.max()), format(s.standardDeviation()), margin(s.marginSigmas()), rate(s.estimatedFailureRate()), rate(s.tailFailureRate()),
                        s.goal() == Quality.Goal.AT_LEAST ? "≥" : "≤", format(s.boundForOneInAThousand())));
            }
        }
        return md.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String margin(double sigmas) {
        return Double.isInfinite(sigmas) ? (sigmas > 0 ? "∞" : "−∞") : String.format(Locale.ROOT, "%.1f", sigmas);
    }

    private static String rate(double rate) {
        return rate < 1e-9 ? "< 1e-9" : String.format(Locale.ROOT, "%.1e", rate);
    }
}
