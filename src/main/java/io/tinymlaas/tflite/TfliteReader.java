package io.tinymlaas.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.SubGraph;

/**
 * Reads a .tflite file into a {@link TfliteModel}, checking every index and size against the file so that a
 * corrupt or truncated file is rejected with a message instead of being misread.
 */
public final class TfliteReader {

    private static final int MIN_SIZE = 8;

    private final String source;
    private final int fileSize;

    private TfliteReader(String source, int fileSize) {
        this.source = source;
        this.fileSize = fileSize;
    }

    public static TfliteModel read(Path file) {
        return read(readBytes(file), file.toString());
    }

    /** The raw bytes of a model file, with a plain message when it cannot be read. */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new ModelFormatException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static TfliteModel read(byte[] bytes, String source) {
        if (bytes.length < MIN_SIZE) {
            throw new ModelFormatException(source + ": not a .tflite file (only " + bytes.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (!Model.ModelBufferHasIdentifier(buffer)) {
            throw new ModelFormatException(source + ": not a .tflite file (the FlatBuffer identifier is not TFL3)");
        }
        TfliteReader reader = new TfliteReader(source, bytes.length);
        try {
            return reader.parse(Model.getRootAsModel(buffer));
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.nio.BufferUnderflowException
                 | NullPointerException
                 | NegativeArraySizeException e) {
            throw new ModelFormatException(source + ": malformed .tflite (truncated or corrupt: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + ")");
        }
    }

    /**
     * The TensorFlow Lite metadata of a model file ({@link ModelMetadata}), if it carries any; damaged metadata is refused
     * naming the file. The bytes are a model's, already read by {@link #read(byte[], String)}.
     */
    public static Optional<ModelMetadata> metadata(byte[] bytes, String source) {
        try {
            return MetadataCodec.decode(bytes, Model.getRootAsModel(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)), source);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.nio.BufferUnderflowException | NullPointerException
                 | ClassCastException e) {
            throw new ModelFormatException(source + ": malformed TensorFlow Lite metadata (" + e.getClass().getSimpleName() + ")");
        }
    }

    private TfliteModel parse(Model model) {
        if (model.version() != 3) {
            throw new ModelFormatException(source + ": schema version " + model.version() + ", expected 3");
        }
        int subgraphs = length(model.subgraphsLength(), "subgraphs");
        if (subgraphs != 1) {
            throw new TensorType.UnsupportedModelException(source + ": models with " + subgraphs
                    + " subgraphs are not supported (exactly one expected)");
        }
        SubGraph graph = model.subgraphs(0);
        List<Tensor> tensors = readTensors(model, graph);
        List<Operator> operators = readOperators(model, graph, tensors.size());
        int[] inputs = indices(length(graph.inputsLength(), "inputs"), graph::inputs, tensors.size(), "subgraph input", false);
        int[] outputs = indices(length(graph.outputsLength(), "outputs"), graph::outputs, tensors.size(), "subgraph output", false);
        if (inputs.length == 0 || outputs.length == 0) {
            throw new ModelFormatException(source + ": the graph has no inputs or no outputs");
        }
        String description = model.description() == null ? "" : model.description();
        return new TfliteModel(description, tensors, operators, inputs, outputs);
    }

    private List<Tensor> readTensors(Model model, SubGraph graph) {
        int count = length(graph.tensorsLength(), "tensors");
        int buffers = length(model.buffersLength(), "buffers");
        List<Tensor> tensors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            org.tensorflow.lite.schema.Tensor t = graph.tensors(i);
            String where = source + ": tensor #" + i + (t.name() == null ? "" : " '" + t.name() + "'");
            TensorType type = TensorType.fromCode(t.type(), where);
            int[] shape = new int[length(t.shapeLength(), "shape of tensor #" + i)];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = t.shape(d);
                if (shape[d] < 0) {
                    throw new TensorType.UnsupportedModelException(where + " has a dynamic dimension (" + shape[d]
                            + "); only static shapes are supported");
                }
            }
            long bufferIndex = t.buffer();
            if (bufferIndex < 0 || bufferIndex >= buffers) {
                throw new ModelFormatException(where + " refers to buffer " + bufferIndex + " but the file has " + buffers);
            }
            byte[] data = constantData(model.buffers((int) bufferIndex), where);
            Tensor tensor = new Tensor(t.name() == null ? "tensor_" + i : t.name(), type, shape, quantization(t, type, where), data,
                    t.isVariable());
            if (data != null && data.length != tensor.byteSize()) {
                throw new ModelFormatException(where + " has " + data.length + " bytes of data but its shape "
                        + java.util.Arrays.toString(shape) + " of " + type + " needs " + tensor.byteSize());
            }
            tensors.add(tensor);
        }
        return tensors;
    }

    private byte[] constantData(org.tensorflow.lite.schema.Buffer buffer, String where) {
        if (buffer == null) {
            return null;
        }
        int size = length(buffer.dataLength(), "data of " + where);
        if (size == 0) {
            return null;
        }
        ByteBuffer view = buffer.dataAsByteBuffer();
        if (view == null || view.remaining() < size) {
            throw new ModelFormatException(where + ": data runs past the end of the file");
        }
        byte[] data = new byte[size];
        view.get(data);
        return data;
    }

    private Quantization quantization(org.tensorflow.lite.schema.Tensor t, TensorType type, String where) {
        org.tensorflow.lite.schema.QuantizationParameters q = t.quantization();
        if (q == null || q.scaleLength() == 0) {
            return null;
        }
        int channels = length(q.scaleLength(), "scales of " + where);
        if (length(q.zeroPointLength(), "zero points of " + where) != channels) {
            throw new ModelFormatException(where + ": " + channels + " scales but " + q.zeroPointLength() + " zero points");
        }
        float[] scales = new float[channels];
        long[] zeroPoints = new long[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = q.scale(c);
            zeroPoints[c] = q.zeroPoint(c);
            if (!zeroPointFits(type, zeroPoints[c])) {
                throw new ModelFormatException(where + ": zero point " + zeroPoints[c] + " does not fit its " + type + " values");
            }
            if (!(scales[c] > 0) || Float.isInfinite(scales[c])) {
                throw new ModelFormatException(where + ": quantization scale " + scales[c] + " is not a positive number");
            }
        }
        return new Quantization(scales, zeroPoints, q.quantizedDimension());
    }

    private List<Operator> readOperators(Model model, SubGraph graph, int tensorCount) {
        int count = length(graph.operatorsLength(), "operators");
        int opcodes = length(model.operatorCodesLength(), "operator codes");
        List<Operator> operators = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            org.tensorflow.lite.schema.Operator op = graph.operators(i);
            String where = source + ": operator #" + i;
            long opcodeIndex = op.opcodeIndex();
            if (opcodeIndex < 0 || opcodeIndex >= opcodes) {
                throw new ModelFormatException(where + " uses operator code " + opcodeIndex + " but the file has " + opcodes);
            }
            org.tensorflow.lite.schema.OperatorCode code = model.operatorCodes((int) opcodeIndex);
            int opcode = Math.max(code.builtinCode(), code.deprecatedBuiltinCode());
            String name = opcode == BuiltinOperator.CUSTOM ? "CUSTOM(" + code.customCode() + ")" : builtinName(opcode);
            int[] inputs = indices(length(op.inputsLength(), "inputs of " + where), op::inputs, tensorCount, where + " input", true);
            int[] outputs = indices(length(op.outputsLength(), "outputs of " + where), op::outputs, tensorCount, where + " output",
                    false);
            int[] intermediates = indices(length(op.intermediatesLength(), "intermediates of " + where), op::intermediates,
                    tensorCount, where + " intermediate", false);
            operators.add(new Operator(opcode, name, inputs, outputs, fusedActivation(op, where), options(op, where),
                    intermediates));
        }
        return operators;
    }

    private static String builtinName(int opcode) {
        return opcode >= 0 && opcode < BuiltinOperator.names.length ? BuiltinOperator.name(opcode) : "BUILTIN_" + opcode;
    }

    /** The operator's fused activation, where its options table has one (NONE otherwise). */
    private static Activation fusedActivation(org.tensorflow.lite.schema.Operator op, String where) {
        OptionsTable table = Operators.tableOfType(op.builtinOptionsType());
        return Activation.fromCode(table == null ? 0 : table.activation(op), where);
    }

    /** The builtin options the compiler needs, for the options tables we know; {@link OperatorOptions#NONE} otherwise. */
    private OperatorOptions options(org.tensorflow.lite.schema.Operator op, String where) {
        OptionsTable table = Operators.tableOfType(op.builtinOptionsType());
        return table == null ? OperatorOptions.NONE : table.parse(op, where, this::length);
    }

    /** A zero point must be a value of the tensor's own type (the spec's int8 range is [-128, 127]). */
    private static boolean zeroPointFits(TensorType type, long zeroPoint) {
        return switch (type) {
            case INT8 -> zeroPoint >= -128 && zeroPoint <= 127;
            case UINT8 -> zeroPoint >= 0 && zeroPoint <= 255;
            case INT16 -> zeroPoint >= Short.MIN_VALUE && zeroPoint <= Short.MAX_VALUE;
            default -> true;
        };
    }

    /** Tensor indices; -1 marks an omitted optional input and is allowed only where {@code optionalAllowed}. */
    private int[] indices(int count, java.util.function.IntUnaryOperator element, int tensorCount, String what,
                          boolean optionalAllowed) {
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = element.applyAsInt(i);
            if (result[i] < (optionalAllowed ? -1 : 0) || result[i] >= tensorCount) {
                throw new ModelFormatException(source + ": " + what + " refers to tensor " + result[i] + " but the graph has "
                        + tensorCount);
            }
        }
        return result;
    }

    /** A vector length read from the file; a corrupt one could otherwise make us allocate or loop for gigabytes. */
    private int length(int length, String what) {
        if (length < 0 || length > fileSize) {
            throw new ModelFormatException(source + ": malformed .tflite (the " + what + " vector claims " + length
                    + " entries in a " + fileSize + "-byte file)");
        }
        return length;
    }
}
