package io.tinymlaas.data;

import io.tinymlaas.core.TinymlException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy format (versions 1–3), as far as data sets need it: a magic string, a header length, a Python dict
 * literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (200, 25, 25), }} padded to 16 (v1: 64) bytes,
 * then the values in C order. Reads little-endian float64/float32 and uint8; writes uint8.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** An n-dimensional array: its NumPy dtype, its shape and every value (C order) as a double. */
    public record Array(String dtype, int[] shape, double[] values) {

        public int count() {
            return values.length;
        }
    }

    private Npy() {
    }

    /** Parses {@code bytes}; {@code source} names the file in errors. */
    public static Array read(byte[] bytes, String source) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new TinymlException(source + " is not a NumPy .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerStart = major == 1 ? 10 : 12;
        long headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : Integer.toUnsignedLong(buffer.getInt(8));
        if (major < 1 || major > 3 || headerStart + headerLength > bytes.length) {
            throw new TinymlException(source + ": unsupported .npy version " + major + " or truncated header");
        }
        String header = new String(bytes, headerStart, (int) headerLength, StandardCharsets.ISO_8859_1);
        String dtype = group(DESCR, header, "descr", source);
        if (group(FORTRAN, header, "fortran_order", source).equals("True")) {
            throw new TinymlException(source + ": Fortran-ordered arrays are not supported");
        }
        int[] shape = parseShape(group(SHAPE, header, "shape", source), source);
        long count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        int width = switch (dtype) {
            case "<f8" -> 8;
            case "<f4" -> 4;
            case "|u1", "<u1" -> 1;
            default -> throw new TinymlException(source + ": dtype '" + dtype + "' is not supported (only <f8, <f4, |u1)");
        };
        int dataStart = headerStart + (int) headerLength;
        if (bytes.length - dataStart != count * width) {
            throw new TinymlException(source + ": shape " + Arrays.toString(shape) + " of " + dtype + " needs " + count * width
                    + " bytes of data, the file has " + (bytes.length - dataStart));
        }
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            int at = dataStart + i * width;
            values[i] = switch (width) {
                case 8 -> buffer.getDouble(at);
                case 4 -> buffer.getFloat(at);
                default -> Byte.toUnsignedInt(bytes[at]);
            };
        }
        return new Array(dtype, shape, values);
    }

    /** A version 1.0 .npy file of unsigned bytes with the given shape. */
    public static byte[] writeUint8(int[] shape, byte[] values) {
        String dims = String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toList()) + (shape.length == 1 ? "," : "");
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 4 + header.length() + values.length);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(values);
        return out.toByteArray();
    }

    private static String group(Pattern pattern, String header, String key, String source) {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new TinymlException(source + ": the .npy header has no '" + key + "': " + header.strip());
        }
        return matcher.group(1);
    }

    private static int[] parseShape(String tuple, String source) {
        return Arrays.stream(tuple.split(",")).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new TinymlException(source + ": shape entry '" + s + "' is not an integer");
            }
        }).toArray();
    }
}
