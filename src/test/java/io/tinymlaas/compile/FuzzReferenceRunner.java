package io.tinymlaas.compile;

import io.tinymlaas.oracle.ReferenceInterpreter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs the TFLite reference interpreter on fuzzed models in a child JVM, so that a crash in its native code cannot take
 * the test JVM down. For each id: reads {@code <id>.tflite} and {@code <id>.in} (input tensors back to back) from the
 * folder and writes {@code <id>.ref} (outputs back to back) or {@code <id>.rej} (why the interpreter refused); prints
 * {@code BEGIN id} before each model so that the parent knows which one crashed.
 */
public final class FuzzReferenceRunner {

    private FuzzReferenceRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (int a = 1; a < args.length; a++) {
            String id = args[a];
            out.println("BEGIN " + id);
            byte[] model = Files.readAllBytes(dir.resolve(id + ".tflite"));
            byte[] inputs = Files.readAllBytes(dir.resolve(id + ".in"));
            try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(model, id)) {
                int size = interpreter.inputBytes();
                if (size == 0 || inputs.length % size != 0) {
                    throw new IllegalStateException("the interpreter's input has " + size + " bytes, ours " + inputs.length + " in all");
                }
                byte[] all = new byte[inputs.length / size * interpreter.outputBytes()];
                for (int i = 0; i < inputs.length / size; i++) {
                    byte[] output = interpreter.invoke(Arrays.copyOfRange(inputs, i * size, (i + 1) * size));
                    System.arraycopy(output, 0, all, i * output.length, output.length);
                }
                Files.write(dir.resolve(id + ".ref"), all);
            } catch (RuntimeException e) {
                Files.writeString(dir.resolve(id + ".rej"), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            out.println("END " + id);
        }
    }
}
