package io.tinymlaas.compile.ops;

import java.util.List;

/**
 * One operator lowered to C: the parameter declarations prepared at compile time and the single call
 * statement that evaluates it on the device; {@code kernelHeader} is the header to include.
 * {@code constantTensors} are the model's constant tensors it uses; {@code preparedBytes} counts the constant
 * arrays the lowering derived itself (folded biases, lookup tables), which take flash too.
 */
public record KernelCall(String kernelHeader, String declarations, String call, List<Integer> constantTensors, int preparedBytes) {

    public KernelCall(String kernelHeader, String declarations, String call, List<Integer> constantTensors) {
        this(kernelHeader, declarations, call, constantTensors, 0);
    }
}
