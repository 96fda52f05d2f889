#!/usr/bin/env bash
# Smoke test of the TinyMLaaS Cortex-M runtime on QEMU:
#   1. host unit test of firmware/link/frame.c (gcc, ASan/UBSan);
#   2. builds the runtime with the test fixtures (fake_model, calib_model, fault_model) for
#      mps2-an386 (Cortex-M4F), plus calibration images for mps2-an500 (M7) and mps3-an547 (M55);
#   3. checks that a too-big image fails to link with ld's "region `FLASH' overflowed" message;
#   4. runs the images in qemu-system-arm -icount shift=0 over a pty and checks HELLO, INFER ->
#      RESULT, the ERROR answers to corrupt frames, the instruction counter and the fault report.
# Usage: run_qemu_smoke.sh [BUILD_DIR]   (default: a fresh temporary directory)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGET="$(cd "$HERE/.." && pwd)"
LINK="$(cd "$TARGET/../../link" && pwd)"
BUILD="${1:-$(mktemp -d -t tinyml-smoke.XXXXXX)}"
mkdir -p "$BUILD"
BUILD="$(cd "$BUILD" && pwd)"
echo "build directory: $BUILD"

for tool in gcc make arm-none-eabi-gcc qemu-system-arm python3; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

echo "== host unit test of frame.c"
gcc -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -g -I"$LINK" \
    "$LINK/frame.c" "$HERE/host_frame_test.c" -o "$BUILD/host_frame_test"
"$BUILD/host_frame_test"

M4F=(CPU=cortex-m4 "FPU_FLAGS=-mfpu=fpv4-sp-d16 -mfloat-abi=hard")
build() { # build SUBDIR MAKE-ARGS...
    local sub="$1"
    shift
    make -s -C "$TARGET" OUT="$BUILD/$sub" "$@"
}

echo "== firmware with the fake model (mps2-an386, Cortex-M4F)"
build fake "${M4F[@]}" BOARD_ID=mps2-an386 MODEL_DIR="$HERE/fake_model"
echo "== calibration and fault images"
build calib "${M4F[@]}" MODEL_DIR="$HERE/calib_model" EXTRA_CFLAGS=-DCALIB_ITERATIONS=1000 >/dev/null
build calib_ticks "${M4F[@]}" MODEL_DIR="$HERE/calib_model" EXTRA_CFLAGS=-DCALIB_ITERATIONS=100000 \
    INSNS_PER_TICK=1 >/dev/null
build calib_m7 CPU=cortex-m7 "FPU_FLAGS=-mfpu=fpv5-d16 -mfloat-abi=hard" BOARD_ID=mps2-an500 \
    MODEL_DIR="$HERE/calib_model" EXTRA_CFLAGS=-DCALIB_ITERATIONS=1000 >/dev/null
# mps3-an547: UART0 at 0x59303000 (secure alias), ITCM at 0, DTCM at 0x30000000 (secure alias),
# SysTick at 32 MHz -> 31.25 = 125/4 instructions per tick.
build calib_m55 CPU=cortex-m55 "FPU_FLAGS=-mfloat-abi=hard" BOARD_ID=mps3-an547 UART_BASE=0x59303000 \
    FLASH_ORIGIN=0x00000000 FLASH_LENGTH=0x80000 RAM_ORIGIN=0x30000000 RAM_LENGTH=0x80000 \
    INSNS_PER_TICK=125 INSNS_PER_TICK_DEN=4 MODEL_DIR="$HERE/calib_model" \
    EXTRA_CFLAGS=-DCALIB_ITERATIONS=1000 >/dev/null
build fault "${M4F[@]}" MODEL_DIR="$HERE/fault_model" >/dev/null

echo "== a firmware larger than the board's flash or RAM must not link"
expect_link_failure() { # expect_link_failure SUBDIR PATTERN MAKE-ARGS...
    local sub="$1" pattern="$2"
    shift 2
    if build "$sub" "$@" >"$BUILD/$sub.log" 2>&1; then
        echo "FAIL  $sub linked although it should not fit"; exit 1
    fi
    if grep -q "$pattern" "$BUILD/$sub.log"; then
        echo "PASS  $sub: $(grep -o "$pattern.*" "$BUILD/$sub.log" | head -1)"
    else
        echo "FAIL  $sub: no '$pattern' in the linker output:"; cat "$BUILD/$sub.log"; exit 1
    fi
}
expect_link_failure too_big_flash "region \`FLASH' overflowed by" "${M4F[@]}" MODEL_DIR="$HERE/fake_model" \
    FLASH_LENGTH=1024
expect_link_failure too_big_ram "region \`RAM' overflowed by" "${M4F[@]}" MODEL_DIR="$HERE/fake_model" \
    RAM_LENGTH=2048 STACK_BYTES=2048

echo "== QEMU"
PYTHONDONTWRITEBYTECODE=1 python3 "$HERE/qemu_smoke.py" "$BUILD"
