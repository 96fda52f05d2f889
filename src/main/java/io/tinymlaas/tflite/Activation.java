package io.tinymlaas.tflite;

/** Activation functions that TFLite fuses into an operator; codes as in the schema's ActivationFunctionType. */
public enum Activation {
    NONE(0), RELU(1), RELU_N1_TO_1(2), RELU6(3), TANH(4);

    private final byte code;

    Activation(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static Activation fromCode(byte code, String where) {
        for (Activation activation : values()) {
            if (activation.code == code) {
                return activation;
            }
        }
        throw new TensorType.UnsupportedModelException(where + ": fused activation code " + code + " is not supported");
    }
}
