package io.tinymlaas.tflite;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The files a model's metadata names (e.g. its labels) travel inside the .tflite file as a zip archive appended to the
 * FlatBuffer, as TensorFlow Lite's metadata populator packs them: the interpreter ignores the bytes after the model,
 * zip readers find the archive from its end. Entries are written stored (uncompressed) with offsets counted from the
 * start of the whole file; an archive read back may be stored or deflated, with offsets from the file or from the archive.
 */
final class AssociatedFiles {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int END_SIZE = 22;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    private AssociatedFiles() {
    }

    /** The model's bytes with the files appended as a zip archive. */
    static byte[] append(byte[] model, Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(model);
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = file.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.size();
            out.writeBytes(le(30).putInt(LOCAL).putShort((short) 20).putShort((short) 0x0800).putShort((short) STORED)
                    .putInt(0).putInt((int) crc.getValue()).putInt(data.length).putInt(data.length)
                    .putShort((short) name.length).putShort((short) 0).array());
            out.writeBytes(name);
            out.writeBytes(data);
            central.writeBytes(le(46).putInt(CENTRAL).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) STORED).putInt(0).putInt((int) crc.getValue()).putInt(data.length).putInt(data.length)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offset).array());
            central.writeBytes(name);
        }
        int centralAt = out.size();
        out.writeBytes(central.toByteArray());
        out.writeBytes(le(END_SIZE).putInt(END).putShort((short) 0).putShort((short) 0).putShort((short) files.size())
                .putShort((short) files.size()).putInt(central.size()).putInt(centralAt).putShort((short) 0).array());
        return out.toByteArray();
    }

    /** The files of the zip archive at the end of {@code bytes}, by name; none if there is no archive. */
    static Map<String, byte[]> read(byte[] bytes, String source) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        // the end record is the last 22 bytes unless the archive has a comment (at most 65,535 bytes)
        for (int at = bytes.length - END_SIZE; at >= Math.max(0, bytes.length - END_SIZE - 65_535); at--) {
            if (in.getInt(at) == END) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            return files;
        }
        int entries = in.getShort(end + 10) & 0xffff;
        long centralSize = in.getInt(end + 12) & 0xffffffffL;
        long centralOffset = in.getInt(end + 16) & 0xffffffffL;
        // offsets count from the archive's start when the writer did not know of the model before it
        long base = end - centralSize - centralOffset;
        int at = (int) (end - centralSize);
        try {
            for (int i = 0; i < entries; i++) {
                require(in.getInt(at) == CENTRAL, source);
                int method = in.getShort(at + 10) & 0xffff;
                int compressed = in.getInt(at + 20);
                int size = in.getInt(at + 24);
                int nameLength = in.getShort(at + 28) & 0xffff;
                int skip = nameLength + (in.getShort(at + 30) & 0xffff) + (in.getShort(at + 32) & 0xffff);
                int local = (int) (base + (in.getInt(at + 42) & 0xffffffffL));
                String name = new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8);
                require(in.getInt(local) == LOCAL, source);
                int data = local + 30 + (in.getShort(local + 26) & 0xffff) + (in.getShort(local + 28) & 0xffff);
                files.put(name, contents(bytes, data, compressed, size, method, source + ": " + name));
                at += 46 + skip;
            }
        } catch (IndexOutOfBoundsException e) {
            throw new ModelFormatException(source + ": the zip archive of its associated files is cut short");
        }
        return files;
    }

    private static byte[] contents(byte[] bytes, int at, int compressed, int size, int method, String where) {
        if (method == STORED) {
            return Arrays.copyOfRange(bytes, at, at + size);
        }
        if (method != DEFLATED) {
            throw new ModelFormatException(where + " is packed with zip method " + method + "; only stored and deflated are read");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, at, compressed);
            byte[] out = new byte[size];
            int read = inflater.inflate(out);
            require(read == size, where);
            return out;
        } catch (DataFormatException e) {
            throw new ModelFormatException(where + " is not valid deflated data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static void require(boolean holds, String source) {
        if (!holds) {
            throw new ModelFormatException(source + ": the zip archive of its associated files is damaged");
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
