package io.tinymlaas.tflite;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.ConcatenationOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.MulOptions;
import org.tensorflow.lite.schema.PadOptions;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ReducerOptions;
import org.tensorflow.lite.schema.ReshapeOptions;
import org.tensorflow.lite.schema.SoftmaxOptions;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptions;

/**
 * Every builtin operator we read, write and compile, one {@link OperatorSpec} each, with the options tables they use.
 * The reader, the writer, the multiply-accumulate count and the compiler all look operators up here; adding an
 * operator starts with its spec below (and, when its options are a table not yet here, that table and its record in
 * {@link OperatorOptions}).
 */
public final class Operators {

    private static final Map<Integer, OperatorSpec> BY_CODE = new LinkedHashMap<>();

    // The options tables, each read into its OperatorOptions record and written back from it.

    private static final OptionsTable FULLY_CONNECTED_OPTIONS = OptionsTable.of(BuiltinOptions.FullyConnectedOptions, null,
            op -> ((FullyConnectedOptions) op.builtinOptions(new FullyConnectedOptions())).fusedActivationFunction(),
            (op, where, lengths) -> OperatorOptions.NONE,
            (builder, o, activation) -> FullyConnectedOptions.createFullyConnectedOptions(builder, activation, (byte) 0, false,
                    false));

    private static final OptionsTable CONV_2D_OPTIONS = OptionsTable.of(BuiltinOptions.Conv2DOptions, OperatorOptions.Conv2D.class,
            op -> ((Conv2DOptions) op.builtinOptions(new Conv2DOptions())).fusedActivationFunction(),
            (op, where, lengths) -> {
                Conv2DOptions o = (Conv2DOptions) op.builtinOptions(new Conv2DOptions());
                return new OperatorOptions.Conv2D(OperatorOptions.Padding.fromCode(o.padding(), where), o.strideW(), o.strideH(),
                        o.dilationWFactor(), o.dilationHFactor());
            },
            (builder, o, activation) -> Conv2DOptions.createConv2DOptions(builder, o.padding().code(), o.strideW(), o.strideH(),
                    activation, o.dilationW(), o.dilationH()));

    private static final OptionsTable DEPTHWISE_CONV_2D_OPTIONS = OptionsTable.of(BuiltinOptions.DepthwiseConv2DOptions,
            OperatorOptions.DepthwiseConv2D.class,
            op -> ((DepthwiseConv2DOptions) op.builtinOptions(new DepthwiseConv2DOptions())).fusedActivationFunction(),
            (op, where, lengths) -> {
                DepthwiseConv2DOptions o = (DepthwiseConv2DOptions) op.builtinOptions(new DepthwiseConv2DOptions());
                return new OperatorOptions.DepthwiseConv2D(OperatorOptions.Padding.fromCode(o.padding(), where), o.strideW(),
                        o.strideH(), o.depthMultiplier(), o.dilationWFactor(), o.dilationHFactor());
            },
            (builder, o, activation) -> DepthwiseConv2DOptions.createDepthwiseConv2DOptions(builder, o.padding().code(),
                    o.strideW(), o.strideH(), o.depthMultiplier(), activation, o.dilationW(), o.dilationH()));

    private static final OptionsTable POOL_2D_OPTIONS = OptionsTable.of(BuiltinOptions.Pool2DOptions, OperatorOptions.Pool2D.class,
            op -> ((Pool2DOptions) op.builtinOptions(new Pool2DOptions())).fusedActivationFunction(),
            (op, where, lengths) -> {
                Pool2DOptions o = (Pool2DOptions) op.builtinOptions(new Pool2DOptions());
                return new OperatorOptions.Pool2D(OperatorOptions.Padding.fromCode(o.padding(), where), o.strideW(), o.strideH(),
                        o.filterWidth(), o.filterHeight());
            },
            (builder, o, activation) -> Pool2DOptions.createPool2DOptions(builder, o.padding().code(), o.strideW(), o.strideH(),
                    o.filterW(), o.filterH(), activation));

    private static final OptionsTable RESHAPE_OPTIONS = OptionsTable.of(BuiltinOptions.ReshapeOptions, OperatorOptions.Reshape.class,
            null,
            (op, where, lengths) -> {
                ReshapeOptions o = (ReshapeOptions) op.builtinOptions(new ReshapeOptions());
                int[] shape = new int[lengths.check(o.newShapeLength(), "new_shape of " + where)];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = o.newShape(d);
                }
                return new OperatorOptions.Reshape(shape);
            },
            // Without new_shape (the target shape is the second input) the operator is written without options.
            (builder, o, activation) -> o.newShape() == null ? 0
                    : ReshapeOptions.createReshapeOptions(builder, ReshapeOptions.createNewShapeVector(builder, o.newShape())));

    private static final OptionsTable SOFTMAX_OPTIONS = OptionsTable.of(BuiltinOptions.SoftmaxOptions, OperatorOptions.Softmax.class,
            null,
            (op, where, lengths) -> new OperatorOptions.Softmax(((SoftmaxOptions) op.builtinOptions(new SoftmaxOptions())).beta()),
            (builder, o, activation) -> SoftmaxOptions.createSoftmaxOptions(builder, o.beta()));

    private static final OptionsTable ADD_OPTIONS = OptionsTable.of(BuiltinOptions.AddOptions, OperatorOptions.Add.class,
            op -> ((AddOptions) op.builtinOptions(new AddOptions())).fusedActivationFunction(),
            (op, where, lengths) -> new OperatorOptions.Add(((AddOptions) op.builtinOptions(new AddOptions())).potScaleInt16()),
            (builder, o, activation) -> AddOptions.createAddOptions(builder, activation, o.potScaleInt16()));

    private static final OptionsTable MUL_OPTIONS = OptionsTable.of(BuiltinOptions.MulOptions, OperatorOptions.Mul.class,
            op -> ((MulOptions) op.builtinOptions(new MulOptions())).fusedActivationFunction(),
            (op, where, lengths) -> new OperatorOptions.Mul(),
            (builder, o, activation) -> MulOptions.createMulOptions(builder, activation));

    private static final OptionsTable CONCATENATION_OPTIONS = OptionsTable.of(BuiltinOptions.ConcatenationOptions,
            OperatorOptions.Concatenation.class,
            op -> ((ConcatenationOptions) op.builtinOptions(new ConcatenationOptions())).fusedActivationFunction(),
            (op, where, lengths) -> new OperatorOptions.Concatenation(
                    ((ConcatenationOptions) op.builtinOptions(new ConcatenationOptions())).axis()),
            (builder, o, activation) -> ConcatenationOptions.createConcatenationOptions(builder, o.axis(), activation));

    private static final OptionsTable REDUCER_OPTIONS = OptionsTable.of(BuiltinOptions.ReducerOptions, OperatorOptions.Reducer.class,
            null,
            (op, where, lengths) -> new OperatorOptions.Reducer(((ReducerOptions) op.builtinOptions(new ReducerOptions())).keepDims()),
            (builder, o, activation) -> ReducerOptions.createReducerOptions(builder, o.keepDims()));

    private static final OptionsTable PAD_OPTIONS = OptionsTable.of(BuiltinOptions.PadOptions, OperatorOptions.Pad.class,
            null,
            (op, where, lengths) -> new OperatorOptions.Pad(),
            (builder, o, activation) -> {
                PadOptions.startPadOptions(builder);
                return PadOptions.endPadOptions(builder);
            });

    private static final OptionsTable LSTM_OPTIONS = OptionsTable.of(BuiltinOptions.UnidirectionalSequenceLSTMOptions,
            OperatorOptions.UnidirectionalSequenceLstm.class,
            op -> ((UnidirectionalSequenceLSTMOptions) op.builtinOptions(new UnidirectionalSequenceLSTMOptions()))
                    .fusedActivationFunction(),
            (op, where, lengths) -> {
                UnidirectionalSequenceLSTMOptions o = (UnidirectionalSequenceLSTMOptions) op.builtinOptions(
                        new UnidirectionalSequenceLSTMOptions());
                return new OperatorOptions.UnidirectionalSequenceLstm(o.cellClip(), o.projClip(), o.timeMajor());
            },
            (builder, o, activation) -> UnidirectionalSequenceLSTMOptions.createUnidirectionalSequenceLSTMOptions(builder,
                    activation, o.cellClip(), o.projClip(), o.timeMajor(), false, false));

    // The operators. Weights are the second input: [out, in] for FULLY_CONNECTED, [out, h, w, in] for CONV_2D,
    // [1, h, w, out] for DEPTHWISE_CONV_2D.

    public static final OperatorSpec FULLY_CONNECTED = register(OperatorSpec.of(BuiltinOperator.FULLY_CONNECTED,
            FULLY_CONNECTED_OPTIONS).optional(2).macs((outputs, weights) -> outputs * weights[1]));
    public static final OperatorSpec CONV_2D = register(OperatorSpec.of(BuiltinOperator.CONV_2D, CONV_2D_OPTIONS).optional(2)
            .macs((outputs, weights) -> outputs * weights[1] * weights[2] * weights[3]));
    public static final OperatorSpec DEPTHWISE_CONV_2D = register(OperatorSpec.of(BuiltinOperator.DEPTHWISE_CONV_2D,
            DEPTHWISE_CONV_2D_OPTIONS).optional(2).macs((outputs, weights) -> outputs * weights[1] * weights[2]));
    public static final OperatorSpec AVERAGE_POOL_2D = register(OperatorSpec.of(BuiltinOperator.AVERAGE_POOL_2D, POOL_2D_OPTIONS));
    public static final OperatorSpec MAX_POOL_2D = register(OperatorSpec.of(BuiltinOperator.MAX_POOL_2D, POOL_2D_OPTIONS));
    /** The target shape, the second input, may be left out when the options give it. */
    public static final OperatorSpec RESHAPE = register(OperatorSpec.of(BuiltinOperator.RESHAPE, RESHAPE_OPTIONS).optional(1));
    public static final OperatorSpec SOFTMAX = register(OperatorSpec.of(BuiltinOperator.SOFTMAX, SOFTMAX_OPTIONS));
    public static final OperatorSpec RELU = register(OperatorSpec.of(BuiltinOperator.RELU, null));
    public static final OperatorSpec RELU6 = register(OperatorSpec.of(BuiltinOperator.RELU6, null));
    public static final OperatorSpec LOGISTIC = register(OperatorSpec.of(BuiltinOperator.LOGISTIC, null));
    public static final OperatorSpec TANH = register(OperatorSpec.of(BuiltinOperator.TANH, null));
    public static final OperatorSpec ADD = register(OperatorSpec.of(BuiltinOperator.ADD, ADD_OPTIONS));
    public static final OperatorSpec MUL = register(OperatorSpec.of(BuiltinOperator.MUL, MUL_OPTIONS));
    public static final OperatorSpec QUANTIZE = register(OperatorSpec.of(BuiltinOperator.QUANTIZE, null));
    public static final OperatorSpec DEQUANTIZE = register(OperatorSpec.of(BuiltinOperator.DEQUANTIZE, null));
    public static final OperatorSpec PAD = register(OperatorSpec.of(BuiltinOperator.PAD, PAD_OPTIONS));
    public static final OperatorSpec CONCATENATION = register(OperatorSpec.of(BuiltinOperator.CONCATENATION, CONCATENATION_OPTIONS));
    public static final OperatorSpec MEAN = register(OperatorSpec.of(BuiltinOperator.MEAN, REDUCER_OPTIONS));
    public static final OperatorSpec UNIDIRECTIONAL_SEQUENCE_LSTM = register(OperatorSpec.of(
            BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, LSTM_OPTIONS).optional(LstmInputs.optional())
            .state(LstmInputs.OUTPUT_STATE, LstmInputs.CELL_STATE));

    /** The options tables by union type (how the reader finds one) and by record (how the writer finds one). */
    private static final Map<Byte, OptionsTable> TABLE_BY_TYPE = new HashMap<>();
    private static final Map<Class<?>, OptionsTable> TABLE_BY_RECORD = new HashMap<>();

    static {
        for (OperatorSpec spec : BY_CODE.values()) {
            OptionsTable table = spec.options();
            if (table != null) {
                OptionsTable known = TABLE_BY_TYPE.putIfAbsent(table.type(), table);
                if (known != null && known != table) {
                    throw new IllegalStateException("two tables for BuiltinOptions " + BuiltinOptions.name(table.type()));
                }
                if (table.record() != null) {
                    TABLE_BY_RECORD.put(table.record(), table);
                }
            }
        }
    }

    private Operators() {
    }

    private static OperatorSpec register(OperatorSpec spec) {
        if (BY_CODE.putIfAbsent(spec.code(), spec) != null) {
            throw new IllegalStateException(spec.name() + " is registered twice");
        }
        return spec;
    }

    /** Every registered operator, in registration order. */
    public static Collection<OperatorSpec> all() {
        return Collections.unmodifiableCollection(BY_CODE.values());
    }

    /** The spec of a BuiltinOperator code; null for an operator not registered here. */
    public static OperatorSpec byCode(int code) {
        return BY_CODE.get(code);
    }

    /** The options table of a BuiltinOptions union type; null for a table we do not read. */
    static OptionsTable tableOfType(byte type) {
        return TABLE_BY_TYPE.get(type);
    }

    /**
     * The table an operator is written with: its own operator's, when that takes its options (always for a table that
     * holds only the fused activation); else the one of its options record; null for none.
     */
    static OptionsTable tableFor(Operator op) {
        OperatorSpec spec = BY_CODE.get(op.opcode());
        if (spec != null && spec.options() != null && spec.options().writes(op.options())) {
            return spec.options();
        }
        return TABLE_BY_RECORD.get(op.options().getClass());
    }
}
