package io.tinymlaas.tflite;

import io.tinymlaas.core.TinymlException;

/** The tensor element types we read and write, with their codes in the TFLite schema. */
public enum TensorType {
    FLOAT32(0, 4), FLOAT16(1, 2), INT32(2, 4), UINT8(3, 1), INT64(4, 8), BOOL(6, 1), INT16(7, 2), INT8(9, 1);

    private final byte code;
    private final int bytes;

    TensorType(int code, int bytes) {
        this.code = (byte) code;
        this.bytes = bytes;
    }

    public byte code() {
        return code;
    }

    public int bytes() {
        return bytes;
    }

    public static TensorType fromCode(byte code, String where) {
        for (TensorType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new UnsupportedModelException(where + ": tensor type " + org.tensorflow.lite.schema.TensorType.name(code & 0xff)
                + " (code " + code + ") is not supported");
    }

    /** Thrown for valid files that use something we do not implement. */
    public static class UnsupportedModelException extends TinymlException {
        public UnsupportedModelException(String message) {
            super(message);
        }
    }
}
