package io.tinymlaas.oracle;

import io.tinymlaas.core.TinymlException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.lite.Interpreter;

/**
 * The TensorFlow Lite interpreter (TF 2.6, native library from a Maven artifact): the independent reference that
 * every output of our compiler and kernels is compared with. Works on raw tensor bytes, so it serves int8 and
 * float models alike. A model with several inputs (outputs) takes (gives) their bytes one after the other, in the
 * model's order, as our compiled models do.
 */
public final class ReferenceInterpreter implements AutoCloseable {

    private static final String NATIVE_PREFIX = "Internal error: Cannot create interpreter: ";

    private static boolean loaded;

    private final Interpreter interpreter;
    private final ByteBuffer[] inputs;
    private final ByteBuffer[] outputs;
    private final int inputBytes;
    private final int outputBytes;

    private ReferenceInterpreter(Interpreter interpreter) {
        this.interpreter = interpreter;
        this.inputs = new ByteBuffer[interpreter.getInputTensorCount()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = direct(interpreter.getInputTensor(i).numBytes());
        }
        this.outputs = new ByteBuffer[interpreter.getOutputTensorCount()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = direct(interpreter.getOutputTensor(i).numBytes());
        }
        this.inputBytes = Arrays.stream(inputs).mapToInt(ByteBuffer::capacity).sum();
        this.outputBytes = Arrays.stream(outputs).mapToInt(ByteBuffer::capacity).sum();
    }

    public static ReferenceInterpreter load(byte[] tflite, String source) {
        loadNativeLibrary();
        ByteBuffer model = direct(tflite.length);
        model.put(tflite).rewind();
        try {
            return new ReferenceInterpreter(new Interpreter(model, new Interpreter.Options().setNumThreads(1)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TinymlException(source + ": the reference interpreter rejects the model: " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * The interpreter's complaint in one line: it repeats the same two lines for every tensor it rejects, so the first
     * of each kind are kept and the rest counted.
     */
    static String oneLine(String message) {
        String[] lines = (message == null ? "no reason given" : message).replace(NATIVE_PREFIX, "").strip().split("\\R+");
        String[] distinct = Arrays.stream(lines).map(String::strip).filter(l -> !l.isEmpty()).distinct().toArray(String[]::new);
        String kept = String.join(" ", Arrays.copyOf(distinct, Math.min(2, distinct.length)));
        return lines.length > 2 ? kept + " (and " + (lines.length - 2) + " more lines like these)" : kept;
    }

    /** All inputs' bytes together, in the model's input order. */
    public int inputBytes() {
        return inputBytes;
    }

    /** All outputs' bytes together, in the model's output order. */
    public int outputBytes() {
        return outputBytes;
    }

    /**
     * Runs one inference on every input tensor's bytes, one after the other in the model's input order; returns every
     * output tensor's bytes, one after the other in the model's output order.
     */
    public byte[] invoke(byte[] inputTensors) {
        if (inputTensors.length != inputBytes) {
            throw new IllegalArgumentException("input has " + inputTensors.length + " bytes, the model takes " + inputBytes);
        }
        int at = 0;
        for (ByteBuffer input : inputs) {
            input.clear();
            input.put(inputTensors, at, input.capacity()).rewind();
            at += input.capacity();
        }
        Map<Integer, Object> targets = new HashMap<>();
        for (int i = 0; i < outputs.length; i++) {
            outputs[i].clear();
            targets.put(i, outputs[i]);
        }
        // Variable tensors (an LSTM's state) would otherwise carry over from the previous input; each invoke is independent.
        interpreter.resetVariableTensors();
        interpreter.runForMultipleInputsOutputs(inputs, targets);
        byte[] result = new byte[outputBytes];
        at = 0;
        for (ByteBuffer output : outputs) {
            output.rewind();
            output.get(result, at, output.capacity());
            at += output.capacity();
        }
        return result;
    }

    @Override
    public void close() {
        interpreter.close();
    }

    private static synchronized void loadNativeLibrary() {
        if (!loaded) {
            ai.djl.tflite.engine.LibUtils.loadLibrary();
            loaded = true;
        }
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }
}
