package io.tinymlaas.device.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encodings assembled by arm-none-eabi-as (-mcpu=cortex-m4 / cortex-m55), and the timing class each belongs to. */
class ThumbDecoderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'adds r0, r1, r2', 8818, ALU",
            "'add.w r0, r1, r2, lsl #2', 01eb8200, ALU",
            "'muls r0, r1', 4843, MUL",
            "'mla r0, r1, r2, r3', 01fb0230, MAC",
            "'smlad r0, r1, r2, r3', 21fb0230, MAC",
            "'smlal r0, r1, r2, r3', c2fb0301, MAC_LONG",
            "'sdiv r0, r1, r2', 91fbf2f0, DIVIDE",
            "'sadd16 r0, r1, r2', 91fa02f0, DSP_SIMD",
            "'sxtb16 r0, r1', 2ffa81f0, DSP_SIMD",
            "'ldr r0, [r1, #0]', 0868, LOAD",
            "'ldrb.w r0, [r1, #300]', 91f82c01, LOAD",
            "'ldr r0, [pc, #4]', 0148, LOAD",
            "'str r0, [r1, #4]', 4860, STORE",
            "'strh.w r0, [r1, #-2]', 21f8020c, STORE",
            "'tbb [r0, r1]', d0e801f0, TABLE_BRANCH",
            "'it eq', 08bf, IT",
            "'nop', 00bf, ALU",
            "'vadd.f32 s0, s1, s2', 30ee810a, FP_ALU",
            "'vmla.f32 s0, s1, s2', 00ee810a, FP_MAC",
            "'vdiv.f32 s0, s1, s2', 80ee810a, FP_DIVIDE",
            "'vsqrt.f32 s0, s1', b1eee00a, FP_DIVIDE",
            "'vldr s0, [r0]', 90ed000a, FP_LOAD",
            "'vstr s0, [r0, #4]', 80ed010a, FP_STORE",
            "'vmov r0, s0', 10ee100a, FP_TRANSFER",
            "'dmb sy', bff35f8f, SYSTEM",
            "'bne .', fed1, BRANCH_CONDITIONAL",
            "'cbz r0, .+6', 08b1, BRANCH_CONDITIONAL",
            "'bx lr', 7047, BRANCH",
            "'vldrb.s8 q0, [r0]', 90ed001e, MVE_LOAD",
            "'vstrw.32 q0, [r0]', 80ed001f, MVE_STORE",
            "'vadd.i8 q0, q1, q2', 02ef4408, MVE_ALU",
            "'vmladava.s8 r0, q1, q2', f2ee240f, MVE_ALU",
            "'le lr, .-2', 0ff003c8, LOOP"})
    void classifiesTheEncodingAsTheCycleTablesNeed(String assembly, String hex, InstructionClass expected) {
        List<ThumbInstruction> decoded = ThumbDecoder.decode(HexFormat.of().parseHex(hex));
        assertThat(decoded).as(assembly).hasSize(1);
        assertThat(decoded.get(0).kind()).as(assembly).isEqualTo(expected);
    }

    @Test
    void countsTheRegistersThatPushPopAndLoadMultipleMove() {
        assertThat(ThumbDecoder.decode(HexFormat.of().parseHex("f0b5"))).singleElement() // push {r4-r7, lr}
                .satisfies(i -> {
                    assertThat(i.kind()).isEqualTo(InstructionClass.STORE_MULTIPLE);
                    assertThat(i.registers()).isEqualTo(5);
                });
        assertThat(ThumbDecoder.decode(HexFormat.of().parseHex("bde8f081"))).singleElement() // pop.w {r4-r8, pc}
                .satisfies(i -> {
                    assertThat(i.kind()).isEqualTo(InstructionClass.LOAD_MULTIPLE);
                    assertThat(i.registers()).isEqualTo(6);
                    assertThat(i.writesPc()).isTrue();
                });
        assertThat(ThumbDecoder.decode(HexFormat.of().parseHex("d1e90023"))).singleElement() // ldrd r2, r3, [r1]
                .satisfies(i -> assertThat(i).isEqualTo(new ThumbInstruction(4, InstructionClass.LOAD_MULTIPLE, 2, false)));
    }

    @Test
    void splitsABlockIntoItsSixteenAndThirtyTwoBitInstructions() {
        // mov.w r0, #1000; subs r0, #1; bne .-2: the calibration loop's first block
        assertThat(ThumbDecoder.decode(HexFormat.of().parseHex("4ff47a700138fdd1")))
                .extracting(ThumbInstruction::kind)
                .containsExactly(InstructionClass.ALU, InstructionClass.ALU, InstructionClass.BRANCH_CONDITIONAL);
    }
}
