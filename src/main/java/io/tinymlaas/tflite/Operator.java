package io.tinymlaas.tflite;

/**
 * One operator of the graph in execution order. {@code opcode} is the schema's BuiltinOperator number,
 * {@code name} its name (e.g. FULLY_CONNECTED). Tensor indices of -1 mark omitted optional inputs.
 * {@code fusedActivation} is the operator's fused activation where its options have one, else NONE;
 * {@code options} the rest of its builtin options that we read ({@link OperatorOptions#NONE} otherwise).
 * {@code intermediates} are tensors that only carry quantization parameters for the operator's internal values
 * (the gate outputs of an integer LSTM); most operators have none.
 */
public record Operator(int opcode, String name, int[] inputs, int[] outputs, Activation fusedActivation,
                       OperatorOptions options, int[] intermediates) {

    public Operator {
        if (options == null) {
            options = OperatorOptions.NONE;
        }
        if (intermediates == null) {
            intermediates = new int[0];
        }
    }

    public Operator(int opcode, String name, int[] inputs, int[] outputs, Activation fusedActivation,
                    OperatorOptions options) {
        this(opcode, name, inputs, outputs, fusedActivation, options, new int[0]);
    }

    /** An operator without options beyond the fused activation. */
    public Operator(int opcode, String name, int[] inputs, int[] outputs, Activation fusedActivation) {
        this(opcode, name, inputs, outputs, fusedActivation, OperatorOptions.NONE);
    }
}
