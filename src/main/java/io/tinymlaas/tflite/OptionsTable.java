package io.tinymlaas.tflite;

import com.google.flatbuffers.FlatBufferBuilder;

/**
 * How one BuiltinOptions table of the schema is read into its {@link OperatorOptions} record and written back: the
 * union type code, where the table keeps the fused activation (if it has one), the parser and the writer. Operators
 * that share a table (AVERAGE_POOL_2D and MAX_POOL_2D, the reductions) share one of these.
 */
public final class OptionsTable {

    /** Reads the fused activation code from an operator whose options are this table. */
    @FunctionalInterface
    interface ActivationField {
        byte code(org.tensorflow.lite.schema.Operator op);
    }

    /** Reads the options record; vector lengths go through {@code lengths}, which refuses ones the file cannot hold. */
    @FunctionalInterface
    interface Parser {
        OperatorOptions parse(org.tensorflow.lite.schema.Operator op, String where, Lengths lengths);
    }

    /** A vector length read from the file, checked against the file's size. */
    @FunctionalInterface
    interface Lengths {
        int check(int length, String what);
    }

    /** Builds the table from the record and the operator's fused activation; returns its offset, or 0 to write none. */
    @FunctionalInterface
    interface Writer<O extends OperatorOptions> {
        int write(FlatBufferBuilder builder, O options, byte activation);
    }

    private final byte type;
    private final Class<? extends OperatorOptions> record;
    private final ActivationField activation;
    private final Parser parser;
    private final Writer<OperatorOptions> writer;

    @SuppressWarnings("unchecked")
    private <O extends OperatorOptions> OptionsTable(byte type, Class<O> record, ActivationField activation, Parser parser,
                                                     Writer<O> writer) {
        this.type = type;
        this.record = record;
        this.activation = activation;
        this.parser = parser;
        this.writer = (builder, options, code) -> writer.write(builder, (O) options, code);
    }

    /** A table read into {@code record} (null: the table carries nothing but the fused activation, which is always written). */
    static <O extends OperatorOptions> OptionsTable of(byte type, Class<O> record, ActivationField activation, Parser parser,
                                                       Writer<O> writer) {
        return new OptionsTable(type, record, activation, parser, writer);
    }

    /** The BuiltinOptions union type code. */
    byte type() {
        return type;
    }

    /** The record these options are read into; null when the table holds only the fused activation. */
    Class<? extends OperatorOptions> record() {
        return record;
    }

    /** Whether an operator carrying {@code options} is written with this table. */
    boolean writes(OperatorOptions options) {
        return record == null || record.isInstance(options);
    }

    byte activation(org.tensorflow.lite.schema.Operator op) {
        return activation == null ? 0 : activation.code(op);
    }

    OperatorOptions parse(org.tensorflow.lite.schema.Operator op, String where, Lengths lengths) {
        return parser.parse(op, where, lengths);
    }

    int write(FlatBufferBuilder builder, OperatorOptions options, byte activationCode) {
        return writer.write(builder, options, activationCode);
    }
}
