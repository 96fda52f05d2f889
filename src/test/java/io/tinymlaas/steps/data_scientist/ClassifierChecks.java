package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.app.Tinyml;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.lifecycle.Lifecycle;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.Quality;
import io.tinymlaas.steps.World;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import io.tinymlaas.train.ConvTrainingResult;
import java.util.List;
import java.util.Map;

/** The checks every CNN classifier scenario makes; each example's step class words them for its own story. */
final class ClassifierChecks {

    private ClassifierChecks() {
    }

    /** The loss at least halved over the epochs and the validation accuracy exceeds {@code accuracy}. */
    static void learned(ConvTrainingResult training, double accuracy) {
        List<Double> loss = training.lossPerEpoch();
        assertThat(loss.get(loss.size() - 1)).isLessThan(loss.get(0) / 2);
        assertThat(training.validationAccuracy()).isGreaterThan(accuracy);
    }

    @SuppressWarnings("unchecked")
    static void manifestNamesDataAndMetrics(StoredModel stored, StoredDataset data, ConvTrainingResult training) {
        Map<String, Object> manifest = StoredModel.read(stored.file());
        assertThat((Map<String, Object>) manifest.get("data")).containsEntry("content_sha256", data.contentHash());
        Map<String, Object> metrics = (Map<String, Object>) manifest.get("metrics");
        assertThat(metrics).containsKeys("validation_accuracy", "validation_loss", "final_training_loss")
                .containsEntry("epochs", training.lossPerEpoch().size());
        assertThat((List<Object>) metrics.get("loss_per_epoch")).hasSize(training.lossPerEpoch().size());
        assertThat(manifest).containsKey("network");
    }

    /**
     * The file as written: its operators in order, every CONV_2D filter per output channel (dimension 0), every
     * DEPTHWISE_CONV_2D filter per channel (dimension 3), and a softmax output at 1/256, zero point −128.
     */
    static TfliteModel readConverted(ConvertedModel converted, String... operators) {
        TfliteModel model = TfliteReader.read(TfliteReader.readBytes(converted.file()), converted.file().toString());
        assertThat(model.operators()).extracting(Operator::name).containsExactly(operators);
        for (Operator op : model.operators()) {
            if (op.name().equals("CONV_2D") || op.name().equals("DEPTHWISE_CONV_2D")) {
                int dimension = op.name().equals("CONV_2D") ? 0 : 3;
                Quantization filter = model.tensor(op.inputs()[1]).quantization();
                assertThat(filter.perChannel()).isTrue();
                assertThat(filter.dimension()).isEqualTo(dimension);
                assertThat(filter.scales()).hasSize(model.tensor(op.inputs()[1]).shape()[dimension]);
            }
        }
        assertThat(model.output().quantization().scale()).isEqualTo(1f / 256);
        assertThat(model.output().quantization().zeroPoint()).isEqualTo(-128);
        return model;
    }

    /** Runs the reference interpreter on the test split; its accuracy (the first figure) must meet {@code percent}. */
    static List<Quality> referenceAccuracy(Lifecycle lifecycle, int percent) {
        List<Quality> quality = lifecycle.checkWithReference();
        assertThat(quality).allMatch(Quality::passed, "every quality goal holds");
        assertThat(quality.get(0).metric()).startsWith("accuracy");
        assertThat(quality.get(0).bound()).isEqualTo(percent / 100.0);
        assertThat(quality.get(0).value()).isGreaterThanOrEqualTo(percent / 100.0);
        return quality;
    }

    static void int8WithinPointsOfFloat(Lifecycle lifecycle, List<Quality> int8Quality, int points) {
        double floatAccuracy = lifecycle.judgeFloatModel().get(0).value();
        assertThat(int8Quality.get(0).value()).isGreaterThanOrEqualTo(floatAccuracy - points / 100.0);
    }

    static TargetRun runInX86Container(World world, String example) {
        return world.lifecycle().runOn(world.tinyml.target(Tinyml.X86).runner(
                world.layout.output().resolve("acceptance").resolve(example + "-x86-" + System.nanoTime())));
    }

    static void bitIdentical(Lifecycle lifecycle, TargetRun run) {
        Comparison comparison = lifecycle.compareWithReference();
        assertThat(comparison.inputs()).isEqualTo(run.outputs().size());
        assertThat(comparison.maxAbsDiffLsb()).isZero();
        assertThat(comparison.bitIdentical()).isTrue();
    }
}
