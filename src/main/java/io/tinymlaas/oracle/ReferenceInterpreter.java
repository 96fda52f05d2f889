package io.tinymlaas.oracle;

import io.tinymlaas.TinymlException;
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
    private final ByteBuffer output;

    private ReferenceInterpreter(Interpreter interpreter) {
        this.interpreter = interpreter;
        this.input = direct(interpreter.getInputTensor(0).numBytes());
        this.output = direct(interpreter.getOutputTensor(0).numBytes());
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

    public int outputBytes() {
        return output.capacity();
    }

    public byte[] invoke(byte[] inputTensor) {
        if (inputTensor.length != input.capacity()) {
            throw new IllegalArgumentException("input has " + inputTensor.length + " bytes, the model takes " + input.capacity());
        }
        input.clear();
        input.put(inputTensor).rewind();
        output.clear();
        // Variable tensors (an LSTM's state) would otherwise carry over from the previous input; each invoke is independent.
        interpreter.resetVariableTensors();
        interpreter.run(input, output);
        byte[] result = new byte[output.capacity()];
        output.rewind();
        output.get(result);
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
