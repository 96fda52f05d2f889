package io.tinymlaas.oracle;

import io.tinymlaas.core.TinymlException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.lite.Interpreter;

/**
 * The TensorFlow Lite interpreter (TF 2.6, native library from a Maven artifact): the independent reference that
 * every output of our compiler and kernels is compared with. Works on raw tensor bytes, so it serves int8 and
 * float models alike.
 */
public final class ReferenceInterpreter implements AutoCloseable {

    private static boolean loaded;

    private final Interpreter interpreter;
    private final ByteBuffer input;
    private final ByteBuffer[] outputs;
    private final int outputBytes;

    private ReferenceInterpreter(Interpreter interpreter) {
        this.interpreter = interpreter;
        this.input = direct(interpreter.getInputTensor(0).numBytes());
        this.outputs = new ByteBuffer[interpreter.getOutputTensorCount()];
        int bytes = 0;
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = direct(interpreter.getOutputTensor(i).numBytes());
            bytes += outputs[i].capacity();
        }
        this.outputBytes = bytes;
    }

    public static ReferenceInterpreter load(byte[] tflite, String source) {
        loadNativeLibrary();
        ByteBuffer model = direct(tflite.length);
        model.put(tflite).rewind();
        try {
            return new ReferenceInterpreter(new Interpreter(model, new Interpreter.Options().setNumThreads(1)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TinymlException(source + ": the reference interpreter rejects the model: " + e.getMessage(), e);
        }
    }

    public int inputBytes() {
        return input.capacity();
    }

    /** All outputs' bytes together, in the model's output order. */
    public int outputBytes() {
        return outputBytes;
    }

    /** Runs one inference; returns every output tensor's bytes, one after the other in the model's output order. */
    public byte[] invoke(byte[] inputTensor) {
        if (inputTensor.length != input.capacity()) {
            throw new IllegalArgumentException("input has " + inputTensor.length + " bytes, the model takes " + input.capacity());
        }
        input.clear();
        input.put(inputTensor).rewind();
        java.util.Map<Integer, Object> targets = new java.util.HashMap<>();
        for (int i = 0; i < outputs.length; i++) {
            outputs[i].clear();
            targets.put(i, outputs[i]);
        }
        // Variable tensors (an LSTM's state) would otherwise carry over from the previous input; each invoke is independent.
        interpreter.resetVariableTensors();
        interpreter.runForMultipleInputsOutputs(new Object[] {input}, targets);
        byte[] result = new byte[outputBytes];
        int at = 0;
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
