package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.OperatorSpec;
import io.tinymlaas.tflite.Operators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lowering of each operator the compiler supports, keyed by its {@link OperatorSpec}: the compiler's half of an
 * operator's registration (its spec in {@link Operators} is the file format's half).
 */
public final class Lowerings {

    private static final Map<Integer, OperatorLowering> BY_CODE = new LinkedHashMap<>();
    /** Where TFLM's arithmetic is prepared differently at compile time (README: TFLM-exact outputs). */
    private static final Map<Integer, OperatorLowering> TFLM = new LinkedHashMap<>();

    static {
        lowering(Operators.FULLY_CONNECTED, FullyConnectedLowering::lower);
        lowering(Operators.CONV_2D, ConvLowering::lowerConv);
        lowering(Operators.DEPTHWISE_CONV_2D, ConvLowering::lowerDepthwise);
        lowering(Operators.AVERAGE_POOL_2D, PoolLowering::lowerAverage);
        lowering(Operators.MAX_POOL_2D, PoolLowering::lowerMax);
        lowering(Operators.RESHAPE, ReshapeLowering::lower);
        lowering(Operators.SOFTMAX, SoftmaxLowering::lower);
        lowering(Operators.RELU, ActivationLowering::lowerRelu);
        lowering(Operators.RELU6, ActivationLowering::lowerRelu6);
        lowering(Operators.LOGISTIC, ActivationLowering::lowerLogistic);
        lowering(Operators.TANH, ActivationLowering::lowerTanh);
        lowering(Operators.ADD, BinaryLowering::lowerAdd);
        lowering(Operators.MUL, BinaryLowering::lowerMul);
        lowering(Operators.QUANTIZE, QuantizeLowering::lowerQuantize);
        lowering(Operators.DEQUANTIZE, QuantizeLowering::lowerDequantize);
        lowering(Operators.PAD, PadLowering::lower);
        lowering(Operators.CONCATENATION, ConcatenationLowering::lower);
        lowering(Operators.MEAN, MeanLowering::lower);
        lowering(Operators.UNIDIRECTIONAL_SEQUENCE_LSTM, LstmLowering::lower);

        TFLM.put(Operators.SOFTMAX.code(), SoftmaxLowering::lowerTflm);
        TFLM.put(Operators.LOGISTIC.code(), ActivationLowering::lowerLogisticTflm);
        TFLM.put(Operators.TANH.code(), ActivationLowering::lowerTanhTflm);
        TFLM.put(Operators.MUL.code(), BinaryLowering::lowerMulTflm);
        TFLM.put(Operators.RELU6.code(), ActivationLowering::lowerRelu6Tflm);
        TFLM.put(Operators.MEAN.code(), MeanLowering::lowerTflm);
        TFLM.put(Operators.UNIDIRECTIONAL_SEQUENCE_LSTM.code(), LstmLowering::lowerTflm);
    }

    private Lowerings() {
    }

    private static void lowering(OperatorSpec spec, OperatorLowering lowering) {
        if (BY_CODE.putIfAbsent(spec.code(), lowering) != null) {
            throw new IllegalStateException(spec.name() + " has two lowerings");
        }
    }

    /** The lowering of a BuiltinOperator code; null when the compiler does not support the operator. */
    public static OperatorLowering of(int opcode) {
        return BY_CODE.get(opcode);
    }

    /** The lowering reproducing TFLM's arithmetic: its own where TFLM prepares differently, else the common one. */
    public static OperatorLowering tflm(int opcode) {
        return TFLM.getOrDefault(opcode, BY_CODE.get(opcode));
    }

    /** The names of the supported operators, sorted. */
    public static List<String> supported() {
        return BY_CODE.keySet().stream().map(code -> Operators.byCode(code).name()).sorted().toList();
    }
}
