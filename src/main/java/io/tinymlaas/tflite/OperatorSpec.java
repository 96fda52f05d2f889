package io.tinymlaas.tflite;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * One builtin operator as the file format knows it, the way TFLM's op resolver pairs an operator with its parser:
 * its BuiltinOperator code, its options table ({@code null} for an operator without options), the inputs it may
 * omit (index -1 in the file), the variable tensors it keeps its state in, and its multiply-accumulates per
 * inference. Registered in {@link Operators}; the compiler pairs each spec with its lowering.
 */
public record OperatorSpec(int code, OptionsTable options, Set<Integer> optionalInputs, Set<Integer> stateInputs,
                           MacCount macs) {

    /** Multiply-accumulates of one evaluation, from the elements of its first output and the shape of its second input. */
    @FunctionalInterface
    public interface MacCount {
        MacCount NONE = (outputs, weights) -> 0;

        long count(long outputs, int[] weights);
    }

    /** An operator with the given options table, no optional or state inputs and no multiply-accumulates. */
    public static OperatorSpec of(int code, OptionsTable options) {
        return new OperatorSpec(code, options, Set.of(), Set.of(), MacCount.NONE);
    }

    /** The schema's name of the operator, e.g. FULLY_CONNECTED. */
    public String name() {
        return BuiltinOperator.name(code);
    }

    /** The same operator, which may omit these inputs. */
    public OperatorSpec optional(int... inputs) {
        return new OperatorSpec(code, options, set(inputs), stateInputs, macs);
    }

    /** The same operator, which keeps its state in these (variable) inputs and resets them itself at each invoke. */
    public OperatorSpec state(int... inputs) {
        return new OperatorSpec(code, options, optionalInputs, set(inputs), macs);
    }

    /** The same operator, which multiplies weights as {@code count} says. */
    public OperatorSpec macs(MacCount count) {
        return new OperatorSpec(code, options, optionalInputs, stateInputs, count);
    }

    private static Set<Integer> set(int... values) {
        return IntStream.of(values).boxed().collect(Collectors.toUnmodifiableSet());
    }
}
