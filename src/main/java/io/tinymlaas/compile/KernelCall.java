package io.tinymlaas.compile;

import java.util.List;

/**
 * One operator lowered to C: the parameter declarations prepared at compile time and the single call
 * statement that evaluates it on the device; {@code kernelHeader} is the header to include.
 */
record KernelCall(String kernelHeader, String declarations, String call, List<Integer> constantTensors) {
}
