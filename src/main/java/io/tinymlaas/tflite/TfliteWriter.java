package io.tinymlaas.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Serialises a {@link TfliteModel} into the TFLite FlatBuffer format (schema version 3, identifier TFL3). */
public final class TfliteWriter {

    /** Constant data is aligned so that the interpreter may read int32/float weights in place. */
    private static final int DATA_ALIGNMENT = 16;
    private static final int SCHEMA_VERSION = 3;

    private TfliteWriter() {
    }

    public static byte[] write(TfliteModel model) {
        return write(model, null);
    }

    /**
     * The model with TensorFlow Lite metadata ({@code metadata} null: none): its ModelMetadata FlatBuffer in one more
     * buffer, named by the model's {@code TFLITE_METADATA} entry, and its labels in a zip archive after the model.
     */
    public static byte[] write(TfliteModel model, ModelMetadata metadata) {
        FlatBufferBuilder builder = new FlatBufferBuilder(4096);

        List<Integer> opcodes = new ArrayList<>();
        Map<Integer, Integer> opcodeIndex = new LinkedHashMap<>();
        for (Operator op : model.operators()) {
            opcodeIndex.computeIfAbsent(op.opcode(), code -> {
                opcodes.add(code);
                return opcodes.size() - 1;
            });
        }

        int[] bufferOffsets = new int[model.tensors().size() + (metadata == null ? 1 : 2)];
        // Buffer 0 is the schema's empty sentinel that every activation tensor points at.
        bufferOffsets[0] = emptyBuffer(builder);
        int[] tensorOffsets = new int[model.tensors().size()];
        for (int i = 0; i < model.tensors().size(); i++) {
            Tensor tensor = model.tensors().get(i);
            bufferOffsets[i + 1] = tensor.constant() ? dataBuffer(builder, tensor.data()) : emptyBuffer(builder);
            tensorOffsets[i] = tensor(builder, tensor, tensor.constant() ? i + 1 : 0);
        }

        int[] operatorOffsets = new int[model.operators().size()];
        for (int i = 0; i < operatorOffsets.length; i++) {
            Operator op = model.operators().get(i);
            operatorOffsets[i] = operator(builder, op, opcodeIndex.get(op.opcode()));
        }

        int name = builder.createString("main");
        int subgraph = org.tensorflow.lite.schema.SubGraph.createSubGraph(builder,
                org.tensorflow.lite.schema.SubGraph.createTensorsVector(builder, tensorOffsets),
                org.tensorflow.lite.schema.SubGraph.createInputsVector(builder, model.inputs()),
                org.tensorflow.lite.schema.SubGraph.createOutputsVector(builder, model.outputs()),
                org.tensorflow.lite.schema.SubGraph.createOperatorsVector(builder, operatorOffsets),
                name);

        int metadataEntries = 0;
        if (metadata != null) {
            int buffer = bufferOffsets.length - 1;
            bufferOffsets[buffer] = dataBuffer(builder, MetadataCodec.encode(metadata));
            int entry = org.tensorflow.lite.schema.Metadata.createMetadata(builder, builder.createString(MetadataCodec.ENTRY), buffer);
            metadataEntries = org.tensorflow.lite.schema.Model.createMetadataVector(builder, new int[] {entry});
        }

        int[] opcodeOffsets = opcodes.stream().mapToInt(code -> operatorCode(builder, code)).toArray();
        int description = builder.createString(model.description());
        int modelOffset = org.tensorflow.lite.schema.Model.createModel(builder, SCHEMA_VERSION,
                org.tensorflow.lite.schema.Model.createOperatorCodesVector(builder, opcodeOffsets),
                org.tensorflow.lite.schema.Model.createSubgraphsVector(builder, new int[] {subgraph}),
                description,
                org.tensorflow.lite.schema.Model.createBuffersVector(builder, bufferOffsets),
                0, metadataEntries, 0);
        org.tensorflow.lite.schema.Model.finishModelBuffer(builder, modelOffset);
        byte[] bytes = builder.sizedByteArray();
        return metadata == null || MetadataCodec.files(metadata).isEmpty() ? bytes
                : AssociatedFiles.append(bytes, MetadataCodec.files(metadata));
    }

    private static int emptyBuffer(FlatBufferBuilder builder) {
        // The interpreter rejects a zero-length data vector on a non-constant tensor, so the field is left out.
        org.tensorflow.lite.schema.Buffer.startBuffer(builder);
        return org.tensorflow.lite.schema.Buffer.endBuffer(builder);
    }

    private static int dataBuffer(FlatBufferBuilder builder, byte[] data) {
        // The generated createDataVector ignores the schema's force_align, so the vector is aligned here.
        builder.startVector(1, data.length, DATA_ALIGNMENT);
        for (int i = data.length - 1; i >= 0; i--) {
            builder.addByte(data[i]);
        }
        int vector = builder.endVector();
        return org.tensorflow.lite.schema.Buffer.createBuffer(builder, vector);
    }

    private static int tensor(FlatBufferBuilder builder, Tensor tensor, int buffer) {
        int name = builder.createString(tensor.name());
        int shape = org.tensorflow.lite.schema.Tensor.createShapeVector(builder, tensor.shape());
        int quantization = tensor.quantization() == null ? 0 : quantization(builder, tensor.quantization());
        org.tensorflow.lite.schema.Tensor.startTensor(builder);
        org.tensorflow.lite.schema.Tensor.addShape(builder, shape);
        org.tensorflow.lite.schema.Tensor.addType(builder, tensor.type().code());
        org.tensorflow.lite.schema.Tensor.addBuffer(builder, buffer);
        org.tensorflow.lite.schema.Tensor.addName(builder, name);
        if (quantization != 0) {
            org.tensorflow.lite.schema.Tensor.addQuantization(builder, quantization);
        }
        if (tensor.variable()) {
            org.tensorflow.lite.schema.Tensor.addIsVariable(builder, true);
        }
        return org.tensorflow.lite.schema.Tensor.endTensor(builder);
    }

    private static int quantization(FlatBufferBuilder builder, Quantization q) {
        int scales = org.tensorflow.lite.schema.QuantizationParameters.createScaleVector(builder, q.scales());
        int zeroPoints = org.tensorflow.lite.schema.QuantizationParameters.createZeroPointVector(builder, q.zeroPoints());
        org.tensorflow.lite.schema.QuantizationParameters.startQuantizationParameters(builder);
        org.tensorflow.lite.schema.QuantizationParameters.addScale(builder, scales);
        org.tensorflow.lite.schema.QuantizationParameters.addZeroPoint(builder, zeroPoints);
        org.tensorflow.lite.schema.QuantizationParameters.addQuantizedDimension(builder, q.dimension());
        return org.tensorflow.lite.schema.QuantizationParameters.endQuantizationParameters(builder);
    }

    private static int operator(FlatBufferBuilder builder, Operator op, int opcodeIndex) {
        int inputs = org.tensorflow.lite.schema.Operator.createInputsVector(builder, op.inputs());
        int outputs = org.tensorflow.lite.schema.Operator.createOutputsVector(builder, op.outputs());
        int intermediates = op.intermediates().length == 0 ? 0
                : org.tensorflow.lite.schema.Operator.createIntermediatesVector(builder, op.intermediates());
        byte activation = op.fusedActivation().code();
        OptionsTable table = Operators.tableFor(op);
        int options = table == null ? 0 : table.write(builder, op.options(), activation);
        org.tensorflow.lite.schema.Operator.startOperator(builder);
        org.tensorflow.lite.schema.Operator.addOpcodeIndex(builder, opcodeIndex);
        org.tensorflow.lite.schema.Operator.addInputs(builder, inputs);
        org.tensorflow.lite.schema.Operator.addOutputs(builder, outputs);
        if (options != 0) {
            org.tensorflow.lite.schema.Operator.addBuiltinOptionsType(builder, table.type());
            org.tensorflow.lite.schema.Operator.addBuiltinOptions(builder, options);
        }
        if (intermediates != 0) {
            org.tensorflow.lite.schema.Operator.addIntermediates(builder, intermediates);
        }
        return org.tensorflow.lite.schema.Operator.endOperator(builder);
    }

    private static int operatorCode(FlatBufferBuilder builder, int opcode) {
        // Readers before schema v2.4 only look at the deprecated byte field; newer ones take the larger of both.
        byte deprecated = (byte) Math.min(opcode, 127);
        return org.tensorflow.lite.schema.OperatorCode.createOperatorCode(builder, deprecated, 0, 1, opcode);
    }
}
