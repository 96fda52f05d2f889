package io.tinymlaas.link;

import java.util.HexFormat;

/**
 * Frames whose bytes were produced outside Java: PING and INFER by the firmware's C encoder
 * (firmware/link/frame.c; its host test checks the same bytes), RESULT by the QEMU smoke test's Python encoder,
 * and HELLO by the firmware itself running under QEMU.
 */
final class Golden {

    static final byte[] PING = hex("a55a0500006c27");
    static final byte[] INFER_1_2_3 = hex("a55a020300010203b30a");
    /** RESULT: 1234 instructions, output {-2, 127}. */
    static final byte[] RESULT_1234 = hex("a55a030600d2040000fe7fb9ac");
    /** The HELLO sent on boot by the firmware built with the fake model for mps2-an386, captured from QEMU. */
    static final byte[] HELLO_FROM_QEMU = hex(""
            + "a55a0151006d7073322d616e33383600302e312e300063623336393864626536"
            + "6539633730383536653664613336646562653836366633383463376431393834"
            + "326565613534303538626263326263643835336434386f23");
    static final String FAKE_MODEL_HASH = "cb3698dbe6e9c70856e6da36debe866f384c7d19842eea54058bbc2bcd853d48";

    private Golden() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
