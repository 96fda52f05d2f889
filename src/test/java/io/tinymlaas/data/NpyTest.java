package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyTest {

    @Test
    void uint8ArraysWrittenHereReadBackWithTheirShapeAndValuesAndA64ByteAlignedHeader() {
        byte[] values = {0, 1, 127, (byte) 128, (byte) 255, 42};
        byte[] file = Npy.writeUint8(new int[] {2, 3}, values);
        assertThat((file.length - values.length) % 64).isZero();
        assertThat(new String(file, 10, 60, StandardCharsets.ISO_8859_1)).contains("'descr': '|u1'", "'shape': (2, 3)");
        Npy.Array array = Npy.read(file, "t.npy");
        assertThat(array.dtype()).isEqualTo("|u1");
        assertThat(array.shape()).containsExactly(2, 3);
        assertThat(array.values()).containsExactly(0, 1, 127, 128, 255, 42);
        assertThat(Npy.read(Npy.writeUint8(new int[] {3}, new byte[3]), "v.npy").shape()).containsExactly(3);
    }

    @Test
    void littleEndianFloat64AsNumPyWritesItIsRead() {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }";
        header += " ".repeat(128 - 10 - header.length() - 1) + "\n";
        ByteBuffer file = ByteBuffer.allocate(128 + 16).order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.ISO_8859_1)).putDouble(0.25).putDouble(-1.5);
        Npy.Array array = Npy.read(file.array(), "f.npy");
        assertThat(array.shape()).containsExactly(1, 2);
        assertThat(array.values()).containsExactly(0.25, -1.5);
    }

    @Test
    void aFileThatIsNotNpyOrIsTruncatedIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> Npy.read("hello world".getBytes(StandardCharsets.US_ASCII), "x.npy"))
                .isInstanceOf(TinymlException.class).hasMessageContaining("x.npy is not a NumPy .npy file");
        byte[] file = Npy.writeUint8(new int[] {4}, new byte[4]);
        assertThatThrownBy(() -> Npy.read(java.util.Arrays.copyOf(file, file.length - 1), "short.npy"))
                .isInstanceOf(TinymlException.class).hasMessageContaining("short.npy").hasMessageContaining("needs 4 bytes");
    }
}
