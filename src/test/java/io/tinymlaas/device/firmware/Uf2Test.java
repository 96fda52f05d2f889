package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Uf2Test {

    private static final long SAMD51 = 0x55114460L;

    private static ByteBuffer block(byte[] uf2, int index) {
        return ByteBuffer.wrap(uf2, index * 512, 512).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void everyBlockIs512BytesWithTheMagicNumbersTheFamilyFlagAndTwoHundredFiftySixBytesAtConsecutiveAddresses() {
        byte[] image = new byte[600];
        Arrays.fill(image, (byte) 0x5A);
        byte[] uf2 = Uf2.encode(image, 0x4000L, SAMD51);

        assertThat(uf2).hasSize(3 * 512);
        for (int i = 0; i < 3; i++) {
            ByteBuffer b = block(uf2, i);
            assertThat(b.getInt(0)).isEqualTo(0x0A324655);
            assertThat(b.getInt(4)).isEqualTo(0x9E5D5157);
            assertThat(b.getInt(8)).as("flags: family id present").isEqualTo(0x00002000);
            assertThat(b.getInt(12)).as("target address").isEqualTo(0x4000 + 256 * i);
            assertThat(b.getInt(16)).as("payload size").isEqualTo(256);
            assertThat(b.getInt(20)).as("block number").isEqualTo(i);
            assertThat(b.getInt(24)).as("number of blocks").isEqualTo(3);
            assertThat(b.getInt(28) & 0xFFFF_FFFFL).as("family id").isEqualTo(SAMD51);
            assertThat(b.getInt(508)).isEqualTo(0x0AB16F30);
        }
    }

    @Test
    void thePayloadCarriesTheImageAndTheLastBlockIsPaddedWithZeros() {
        byte[] image = new byte[300];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i + 1);
        }
        byte[] uf2 = Uf2.encode(image, 0x26000L, 0xADA52840L);

        assertThat(Arrays.copyOfRange(uf2, 32, 32 + 256)).isEqualTo(Arrays.copyOfRange(image, 0, 256));
        assertThat(Arrays.copyOfRange(uf2, 512 + 32, 512 + 32 + 44)).isEqualTo(Arrays.copyOfRange(image, 256, 300));
        assertThat(Arrays.copyOfRange(uf2, 512 + 32 + 44, 512 + 508)).containsOnly(0);
        assertThat(block(uf2, 1).getInt(28)).isEqualTo(0xADA52840);
    }

    @Test
    void anAddressOffA256ByteBoundaryIsRefused() {
        assertThatThrownBy(() -> Uf2.encode(new byte[4], 0x4010L, SAMD51)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256-byte boundary");
    }
}
