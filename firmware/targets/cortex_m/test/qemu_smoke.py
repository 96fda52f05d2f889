#!/usr/bin/env python3
"""QEMU smoke test of the TinyMLaaS Cortex-M runtime; run by run_qemu_smoke.sh, which builds the
firmware images named on the command line:

  qemu_smoke.py BUILD_DIR

BUILD_DIR holds fake/, calib/, calib_ticks/, calib_m7/, calib_m55/ and fault/, each with a
firmware.elf. Prints one line per check and exits non-zero if any fails.
"""
import os
import sys

from qemu_link import Board, LinkError, encode, HELLO, INFER, ERROR, PING, PONG

FAKE_HASH = "cb3698dbe6e9c70856e6da36debe866f384c7d19842eea54058bbc2bcd853d48"
CALIB_ITERATIONS = 1000          # must match run_qemu_smoke.sh
CALIB_TICKS_ITERATIONS = 100000  # ditto

failures = []


def check(name, condition, detail=""):
    print("%s  %s%s" % ("PASS" if condition else "FAIL", name, ("  (" + detail + ")") if detail else ""))
    if not condition:
        failures.append(name)


def saturated_double(tensor):
    out = bytearray()
    for b in tensor:
        v = 2 * (b - 256 if b >= 128 else b)
        out.append(max(-128, min(127, v)) & 0xFF)
    return bytes(out)


def expect_error(board, frame_bytes, code, text):
    frame_type, payload = board.request(frame_bytes)
    got = (frame_type, payload[:1], payload[1:])
    return got == (ERROR, bytes([code]), text.encode()), "got type %d payload %r" % (frame_type, payload)


def fake_model_checks(elf):
    with Board(elf) as board:
        board_id, version, model_hash = board.hello()
        check("HELLO carries board id, firmware version and model hash",
              (board_id, version, model_hash) == ("mps2-an386", "0.1.0", FAKE_HASH),
              "%s / %s / %s" % (board_id, version, model_hash))

        tensor = bytes([0, 1, 2, 0xFF, 63, 64, 0xC0, 0xBF, 127, 0x80, 10, 0xF6, 100, 0x9C, 5, 0xFB])
        insns, output = board.infer(tensor)
        check("INFER answers RESULT with output[i] = sat(2 * input[i])", output == saturated_double(tensor),
              output.hex())
        again, _ = board.infer(tensor)
        check("instruction count is plausible for 16 elements and identical on repeat",
              16 * 4 <= insns <= 16 * 40 and again == insns, "%d then %d instructions" % (insns, again))

        corrupt = bytearray(encode(INFER, tensor))
        corrupt[9] ^= 0x04
        ok, detail = expect_error(board, bytes(corrupt), 1, "bad crc")
        check("a frame with a flipped bit gets ERROR 1 'bad crc'", ok, detail)
        _, output = board.infer(bytes(16))
        check("the next valid INFER still works after a corrupt frame", output == bytes(16), output.hex())

        ok, detail = expect_error(board, bytes([0xA5, 0x5A, INFER, 0x88, 0x13]), 2, "bad length")
        check("a header announcing 5000 bytes gets ERROR 2 'bad length'", ok, detail)

        ok, detail = expect_error(board, encode(INFER, bytes(15)), 3, "wrong input size")
        check("INFER of 15 bytes (model takes 16) gets ERROR 3 'wrong input size'", ok, detail)

        ok, detail = expect_error(board, encode(INFER, bytes(4096)), 3, "wrong input size")
        check("INFER of 4096 bytes (longer than the input tensor) gets ERROR 3", ok, detail)

        ok, detail = expect_error(board, encode(0x7F, b"?"), 4, "unknown type")
        check("an unknown frame type gets ERROR 4 'unknown type'", ok, detail)

        frame_type, payload = board.request(encode(PING, b"abc"))
        check("PING gets an empty PONG", (frame_type, payload) == (PONG, b""), "%d %r" % (frame_type, payload))

        board.send(bytes([0x00, 0xA5, 0x13, 0xFF, 0xA5, 0xA5, 0x00, 0x5A]))
        _, output = board.infer(tensor)
        check("garbage before a frame is skipped", output == saturated_double(tensor), output.hex())

        frame_type, payload = board.request(encode(HELLO))
        check("HELLO from the host is answered with HELLO", frame_type == HELLO and payload.endswith(FAKE_HASH.encode()))


def calibration_checks(build):
    expected = 2 * CALIB_ITERATIONS + 1
    for sub, machine, cpu in (("calib", "mps2-an386", "cortex-m4"), ("calib_m7", "mps2-an500", "cortex-m7"),
                              ("calib_m55", "mps3-an547", "cortex-m55")):
        with Board(os.path.join(build, sub, "firmware.elf"), machine, cpu) as board:
            board.hello()
            counts = [board.infer(bytes(4))[0] for _ in range(6)]
        check("%s: %d x (subs; bne) + ldr measures exactly %d instructions" % (machine, CALIB_ITERATIONS, expected),
              counts == [expected] * len(counts), "measured %s" % counts)

    # Whole ticks, no vernier: derive the ratio the firmware assumes.
    with Board(os.path.join(build, "calib_ticks", "firmware.elf")) as board:
        board.hello()
        ticks = board.infer(bytes(4))[0]
    ratio = (2 * CALIB_TICKS_ITERATIONS + 1) / ticks if ticks else 0.0
    check("mps2-an386 -icount shift=0: %d instructions take %d SysTick ticks = %.3f instructions/tick (40 assumed)"
          % (2 * CALIB_TICKS_ITERATIONS + 1, ticks, ratio), 39.9 <= ratio <= 40.1)


def fault_checks(elf):
    with Board(elf) as board:
        board.hello()
        _, output = board.infer(bytes([0, 7, 8, 9]))
        check("the misbehaving fixture answers normally when asked to", output == bytes([0, 7, 8, 9]), output.hex())
        frame_type, payload = board.request(encode(INFER, bytes([2, 0, 0, 0])))
        check("an undefined instruction during inference is reported as ERROR 5 'hard fault'",
              (frame_type, payload) == (ERROR, b"\x05hard fault"), "%d %r" % (frame_type, payload))
    with Board(elf) as board:  # a fault leaves the board spinning: start a fresh one
        board.hello()
        frame_type, payload = board.request(encode(INFER, bytes([1, 0, 0, 0])))
        check("an inference that overruns the stack is reported as ERROR 6 'stack overflow'",
              (frame_type, payload) == (ERROR, b"\x06stack overflow"), "%d %r" % (frame_type, payload))


def main():
    build = sys.argv[1]
    try:
        fake_model_checks(os.path.join(build, "fake", "firmware.elf"))
        calibration_checks(build)
        fault_checks(os.path.join(build, "fault", "firmware.elf"))
    except LinkError as e:
        check("link to the board", False, str(e))
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all QEMU checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
