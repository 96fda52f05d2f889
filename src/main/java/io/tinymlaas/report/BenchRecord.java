package io.tinymlaas.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the benchmark table as {@code target/bench/<example>-<target>.json}: a passing dry-run's figures, or a board
 * run that is not a dry-run (the audio front end alone, keyword spotting). Figures a run did not measure are left out;
 * the cycle estimate is the real board's (see io.tinymlaas.device.cycles), beside the emulator's exact instructions.
 * {@code deviceImages}: for a board whose MCU family the firmware supports, the files a person flashes onto the real board.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchRecord(String example, String target, boolean passed, String measuredAt, double wallSeconds,
                          Map<String, Double> stageSeconds, Integer modelBytes, Integer arenaBytes, Integer constantBytes,
                          Long programTextBytes, Long programDataBytes, Long programBssBytes, Long flashBytes, Long ramBytes,
                          Long instructionsPerInference, List<Long> instructionsPerClip, String ranOn, Integer inputsCompared,
                          Integer maxAbsDiffLsb, List<Quality> quality, Long estimatedCyclesPerInference,
                          Double estimatedMsPerInference, List<String> deviceImages) {

    /** The figures of a dry-run, stage by stage; a stage that did not run leaves its figures out. */
    public static BenchRecord of(RunReport report) {
        Map<String, Double> stageSeconds = new LinkedHashMap<>();
        report.stages().forEach(stage -> stageSeconds.put(stage.name(), stage.seconds()));
        RunFigures f = report.figures();
        RunFigures.Program program = f.program();
        return new BenchRecord(report.example(), report.target(), report.passed(), report.startedAt(), report.totalSeconds(),
                stageSeconds, f.conversion() == null ? null : f.conversion().modelBytes(),
                f.compiled() == null ? null : f.compiled().arenaBytes(), f.compiled() == null ? null : f.compiled().constantBytes(),
                program == null ? null : program.programTextBytes(), program == null ? null : program.programDataBytes(),
                program == null ? null : program.programBssBytes(), program == null ? null : program.flashBytes(),
                program == null ? null : program.ramBytes(), program == null ? null : program.instructionsPerInference(), null,
                program == null ? null : program.ranOn(), f.compared() == null ? null : f.compared().inputsCompared(),
                f.compared() == null ? null : f.compared().maxAbsDiffLsb(), f.quality(),
                program == null ? null : program.estimatedCyclesPerInference(),
                program == null ? null : program.estimatedMsPerInference(), null);
    }

    /** The same row naming the image files of the model's firmware for the real board (see FirmwareBuilder#buildForDevice). */
    public BenchRecord withDeviceImages(List<Path> images) {
        return new BenchRecord(example, target, passed, measuredAt, wallSeconds, stageSeconds, modelBytes, arenaBytes,
                constantBytes, programTextBytes, programDataBytes, programBssBytes, flashBytes, ramBytes,
                instructionsPerInference, instructionsPerClip, ranOn, inputsCompared, maxAbsDiffLsb, quality,
                estimatedCyclesPerInference, estimatedMsPerInference, images.stream().map(Path::toString).toList());
    }

    public Path file(Path benchDirectory) {
        return benchDirectory.resolve(example + "-" + target + ".json");
    }

    /** Writes the record to its file in the bench folder and returns the file. */
    public Path write(Path benchDirectory) {
        Path file = file(benchDirectory);
        ReportWriter.writeJson(this, file);
        return file;
    }

    /**
     * Writes only a passing run, so bench-table, whose rows are all bit-identical runs, never shows a failed one; returns
     * the file either way (after a failure it keeps the last passing run, if any).
     */
    public Path writeIfPassed(Path benchDirectory) {
        return passed ? write(benchDirectory) : file(benchDirectory);
    }
}
