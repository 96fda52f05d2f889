package io.tinymlaas.cli;

import io.tinymlaas.app.Tinyml;
import io.tinymlaas.compile.CompiledModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compiles a .tflite file ahead of time into model.c and model.h.")
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the .tflite file")
    Path model;

    @Option(names = "--out", description = "output folder (default: the project's target/tinyml/compiled)")
    Path out;

    @Override
    public Integer call() {
        Tinyml tinyml = main.tinyml();
        CompiledModel compiled = tinyml.compileTo(model, out).compiled();
        spec.commandLine().getOut().printf("%s -> %s: %d B activation arena, %d B of weights%n", model, tinyml.compiledFolder(out),
                compiled.plan().arenaBytes(), compiled.constantBytes());
        return 0;
    }
}
