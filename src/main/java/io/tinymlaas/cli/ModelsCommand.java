package io.tinymlaas.cli;

import io.tinymlaas.app.FileState;
import io.tinymlaas.app.ModelInterface;
import io.tinymlaas.app.ModelView;
import io.tinymlaas.app.Models;
import io.tinymlaas.app.QualityTable;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.report.Quality;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The model registry: every model the pipeline stored, with the data version it came from and its metrics. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Stored models: the data set version each was trained on, its training figures and its int8 quality.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsCommand.Report.class})
final class ModelsCommand implements Runnable {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registered models, oldest first.")
    static final class ListModels implements Callable<Integer> {

        @ParentCommand
        ModelsCommand group;

        @Spec
        CommandSpec spec;

        @Mixin
        ModelRegistryOption registry;

        @Override
        public Integer call() {
            Models models = registry.models(group.main.tinyml());
            PrintWriter out = spec.commandLine().getOut();
            List<RegisteredModel> all = models.list();
            if (all.isEmpty()) {
                out.printf("no models in %s yet; a dry-run stores and registers one%n", models.root());
                return 0;
            }
            out.printf("%-26s %-28s %-12s %-24s %s%n", "model", "data (name version)", "quality", "stored", "training");
            for (RegisteredModel m : all) {
                out.printf("%-26s %-28s %-12s %-24s %s%n", m.id(), m.data().name() + " " + m.data().version(), verdict(m),
                        m.storedAt(), figures(m.training()));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Shows a registered model: its files, the data version it came from, its training figures and quality, "
                    + "and what its int8 file says about itself: class order, input shape, scale and zero point.",
                    "Given a .tflite file (e.g. one imported or published elsewhere), shows what that file says about itself."})
    static final class Show implements Callable<Integer> {

        @ParentCommand
        ModelsCommand group;

        @Spec
        CommandSpec spec;

        @Mixin
        ModelRegistryOption registry;

        @Parameters(index = "0", description = "the model id from `tinyml models list` (or a unique start of it), or a .tflite file")
        String id;

        @Option(names = "--json", description = "print the registry entry as JSON")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (id.endsWith(".tflite")) {
                print(out, Models.describe(Path.of(id)));
                return 0;
            }
            ModelView shown = registry.models(group.main.tinyml()).show(id);
            RegisteredModel m = shown.model();
            if (json) {
                out.println(shown.json());
                return 0;
            }
            out.printf("%-12s %s%n", "model", m.id());
            out.printf("%-12s %s%n", "example", m.example());
            out.printf("%-12s %s%n", "stored", m.storedAt());
            out.printf("%-12s %s, sha256 %s (%s)%n", "float model", m.modelFile(), m.modelSha256(), describe(shown.modelFile()));
            out.printf("%-12s %s version %s, sha256 %s%n", "data", m.data().name(), m.data().version(), m.data().contentSha256());
            if (m.seed() != null) {
                out.printf("%-12s %d%n", "seed", m.seed());
            }
            out.printf("%-12s %s%n", "training", figures(m.training()));
            if (m.int8() == null) {
                out.printf("%-12s not judged yet (the reference stage has not run on this model)%n", "quality");
                return 0;
            }
            out.printf("%-12s %s, %d B, sha256 %s (%s)%n", "int8 model", m.int8().file(), m.int8().bytes(), m.int8().sha256(),
                    describe(shown.int8File()));
            out.printf("%-12s %s%n", "quality", verdict(m));
            for (Quality q : m.quality()) {
                out.printf("  %s%n", q);
            }
            if (shown.int8Interface() != null) {
                print(out, shown.int8Interface());
            }
            return 0;
        }

        /** The file's metadata and the tensors a user feeds and reads, one fact a line. */
        private static void print(PrintWriter out, ModelInterface model) {
            if (!model.described()) {
                out.printf("%-12s %s has no TensorFlow Lite metadata: no class names, no input description%n", "metadata", model.file());
            } else {
                out.printf("%-12s %s, version %s, by %s, licence %s%n", "metadata", model.name(), model.version(), model.author(),
                        model.license());
                out.printf("%-12s %s%n", "description", model.description());
            }
            out.printf("%-12s %s%n", "classes", model.classes().isEmpty()
                    ? model.described() ? "none (the outputs are values)" : "not named in the file"
                    : String.join(", ", model.classes()) + " (in output order)");
            for (ModelInterface.Tensor input : model.inputs()) {
                out.printf("%-12s %s%n", "input", tensor(input));
            }
            if (!model.inputMeaning().isEmpty()) {
                out.printf("%-12s %s%s%n", "", model.inputMeaning(), model.normalization().isEmpty() ? "" : "; " + model.normalization());
            }
            for (ModelInterface.Tensor output : model.outputs()) {
                out.printf("%-12s %s%n", "output", tensor(output));
            }
        }

        private static String tensor(ModelInterface.Tensor tensor) {
            return "'" + tensor.name() + "' " + tensor.type() + " " + tensor.shape() + (tensor.scale() == null ? ""
                    : ", scale " + tensor.scale() + ", zero point " + tensor.zeroPoint() + " (real = scale x (q - zero point))");
        }

        private static String describe(FileState file) {
            return switch (file.state()) {
                case MISSING -> "file no longer there";
                case UNREADABLE -> "file unreadable: " + file.detail();
                case UNCHANGED -> "file present, unchanged";
                case CHANGED -> "file changed since: sha256 " + file.detail();
            };
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "A Markdown table of each example's newest judged model: its quality on held-out data against the goal.")
    static final class Report implements Callable<Integer> {

        @ParentCommand
        ModelsCommand group;

        @Spec
        CommandSpec spec;

        @Mixin
        ModelRegistryOption registry;

        @Option(names = "--out", paramLabel = "FILE", description = "also write the table to this file")
        Path file;

        @Override
        public Integer call() {
            Models models = registry.models(group.main.tinyml());
            QualityTable table = models.report(file);
            PrintWriter out = spec.commandLine().getOut();
            out.print(table.markdown());
            if (table.judged().isEmpty()) {
                out.printf("no judged models in %s yet; `bin/tinyml dry-run <example>` stores and judges one%n", models.root());
            }
            out.flush();
            return table.passed() ? 0 : 1;
        }
    }

    private static String verdict(RegisteredModel m) {
        return m.quality().isEmpty() ? "not judged" : m.qualityPassed() ? "PASSED" : "FAILED";
    }

    /** "epochs 600, final_training_loss 0.00241, validation_mse 0.00250". */
    private static String figures(Map<String, Object> figures) {
        return String.join(", ", figures.entrySet().stream().map(e -> e.getKey() + " "
                + (e.getValue() instanceof Double d ? String.format("%.5f", d) : String.valueOf(e.getValue()))).toList());
    }
}
