package io.tinymlaas.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.benchmark.PublishedShape;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.BoardTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * person_detection's budget on the Cortex-M4 (mps2-an386, exact instruction counts): the MobileNet-v1-0.25-shaped
 * model ({@link PublishedShape#PERSON_DETECT}) bit-identical to the interpreter within the product goal of 15 M instructions per
 * inference and 60,000 B of arena (TFLM with CMSIS-NN: 22.93 M, 82,308 B). The figures, and those of the portable
 * kernels and of the M55, go to target/bench/mobilenet_v1_025_shaped-&lt;board&gt;-&lt;kernels&gt;.json.
 */
class MobileNetBenchIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final Targets TARGETS = new Targets(LAYOUT);
    private static final TfliteModel MODEL = PublishedShape.PERSON_DETECT.build(1);
    private static final CompiledModel COMPILED = AotCompiler.compile(MODEL, "00".repeat(32), "mobilenet_v1_025_shaped.tflite");

    @TempDir
    Path work;

    @Test
    void theCortexMKernelsMeetTheFifteenMillionInstructionGoalOnTheM4AndTheArenaFitsSixtyThousandBytes() {
        TargetRun run = bench("arduino_nano_33_ble_sense", false);
        assertThat(run.instructions()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(15_000_000L));
        assertThat(COMPILED.plan().arenaBytes()).isLessThanOrEqualTo(60_000);
    }

    @Test
    void thePortableKernelsGiveTheSameOutputsOnTheM4AndTheM55RunsTheCortexMKernels() {
        TargetRun portable = bench("arduino_nano_33_ble_sense", true);
        TargetRun helium = bench("arm_mps3_an547", false);
        assertThat(portable.instructions().get(0)).isGreaterThan(15_000_000L);
        assertThat(helium.instructions()).allSatisfy(count -> assertThat(count).isPositive());
    }

    private TargetRun bench(String boardId, boolean portable) {
        Random random = new Random(7);
        List<byte[]> inputs = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(MODEL), "mobilenet.tflite")) {
            for (int i = 0; i < 2; i++) {
                byte[] input = new byte[interpreter.inputBytes()];
                random.nextBytes(input);
                inputs.add(input);
                expected.add(interpreter.invoke(input));
            }
        }
        Board board = TARGETS.boards().byId(boardId);
        FirmwareBuilder builder = new FirmwareBuilder(LAYOUT.firmware());
        String kernels = portable ? "portable" : "cortex_m";
        TargetRun run = new BoardTarget(board, new QemuEmulator(), portable ? builder.withPortableKernels() : builder,
                work.resolve(kernels)).run(COMPILED, inputs);
        assertThat(run.outputs()).as("%s with the %s kernels", boardId, kernels).containsExactlyElementsOf(expected);

        Map<String, Object> bench = new LinkedHashMap<>();
        bench.put("example", "mobilenet_v1_025_shaped");
        bench.put("target", boardId);
        bench.put("kernels", kernels);
        bench.put("instructions_per_inference", run.instructions());
        bench.put("arena_bytes", COMPILED.plan().arenaBytes());
        bench.put("constant_bytes", COMPILED.constantBytes());
        bench.put("flash_bytes", run.size().flashBytes());
        bench.put("ram_bytes", run.size().ramBytes());
        bench.put("inputs_compared", inputs.size());
        ReportWriter.writeJson(bench, LAYOUT.bench().resolve("mobilenet_v1_025_shaped-" + boardId + "-" + kernels + ".json"));
        System.out.println("bench " + bench);
        return run;
    }
}
