#!/usr/bin/env python3
"""Host side of the TinyMLaaS link protocol for the QEMU smoke test (test tooling only).

Starts a firmware in qemu-system-arm with its UART0 on a pty (`-display none -serial pty -monitor
none`, as the Java host does), and frames/unframes messages. The CRC here is a plain bit-by-bit
CRC-16/CCITT-FALSE, independent of the firmware's nibble-table implementation.
"""
import os
import re
import select
import subprocess
import time
import tty

SYNC = b"\xA5\x5A"
HELLO, INFER, RESULT, ERROR, PING, PONG = 0x01, 0x02, 0x03, 0x04, 0x05, 0x06
MAX_PAYLOAD = 4096


def crc16(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


assert crc16(b"123456789") == 0x29B1


def encode(frame_type: int, payload: bytes = b"") -> bytes:
    body = bytes([frame_type]) + len(payload).to_bytes(2, "little") + payload
    return SYNC + body + crc16(body).to_bytes(2, "little")


class LinkError(Exception):
    pass


class Board:
    """One firmware running in QEMU, reachable through its pty."""

    def __init__(self, elf, machine="mps2-an386", cpu="cortex-m4"):
        self.cmd = ["qemu-system-arm", "-M", machine, "-cpu", cpu, "-icount", "shift=0",
                    "-display", "none", "-serial", "pty", "-monitor", "none", "-kernel", elf]
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.fd = None
        self.buf = bytearray()
        self.pty = self._wait_for_pty(timeout=10.0)
        self.fd = os.open(self.pty, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd)

    def _wait_for_pty(self, timeout):
        """QEMU prints 'char device redirected to /dev/pts/N (label serial0)' once it is ready."""
        output = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                output += chunk
                found = re.search(rb"char device redirected to (/dev/pts/\d+)", output)
                if found:
                    return found.group(1).decode()
        self.close()
        raise LinkError("QEMU did not announce a pty (%s): %s" % (" ".join(self.cmd), output.decode(errors="replace")))

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send(self, data: bytes):
        view = memoryview(data)
        while view:
            try:
                n = os.write(self.fd, view)
            except OSError as e:
                raise LinkError("cannot write to %s (QEMU exit code %s): %s" % (self.pty, self.proc.poll(), e))
            view = view[n:]

    def _fill(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        ready, _, _ = select.select([self.fd], [], [], remaining)
        if not ready:
            return False
        self.buf += os.read(self.fd, 65536)
        return True

    def read_frame(self, timeout=5.0):
        """Returns (type, payload) of the next frame; raises LinkError on timeout or a bad CRC."""
        deadline = time.monotonic() + timeout
        while True:
            start = self.buf.find(SYNC)
            if start > 0:
                del self.buf[:start]
            if start >= 0 and len(self.buf) >= 5:
                length = int.from_bytes(self.buf[3:5], "little")
                if length > MAX_PAYLOAD:
                    raise LinkError("board sent a frame announcing %d payload bytes" % length)
                if len(self.buf) >= 7 + length:
                    body = bytes(self.buf[2:5 + length])
                    crc = int.from_bytes(self.buf[5 + length:7 + length], "little")
                    del self.buf[:7 + length]
                    if crc != crc16(body):
                        raise LinkError("board sent a frame with a bad CRC: %s" % body.hex())
                    return body[0], body[3:]
            if not self._fill(deadline):
                raise LinkError("no complete frame within %.1f s (buffered: %s)" % (timeout, self.buf.hex()))

    def drain(self, quiet=0.3):
        """Discards whatever arrives until the line has been quiet for `quiet` seconds."""
        while self._fill(time.monotonic() + quiet):
            pass
        self.buf.clear()

    def hello(self, attempts=5):
        """Asks for HELLO until it comes (QEMU drops output until it notices the pty is open)."""
        time.sleep(1.0)
        for _ in range(attempts):
            self.send(encode(HELLO))
            try:
                frame_type, payload = self.read_frame(timeout=2.0)
            except LinkError:
                continue
            if frame_type == HELLO:
                self.drain()
                fields = payload.split(b"\0")
                if len(fields) != 3:
                    raise LinkError("HELLO payload has %d fields: %r" % (len(fields), payload))
                return tuple(f.decode() for f in fields)
        raise LinkError("no HELLO from the board")

    def request(self, frame_bytes, timeout=10.0):
        self.send(frame_bytes)
        return self.read_frame(timeout)

    def infer(self, tensor: bytes, timeout=60.0):
        """Returns (instructions, output bytes); raises LinkError if the board answers otherwise."""
        frame_type, payload = self.request(encode(INFER, tensor), timeout)
        if frame_type != RESULT:
            raise LinkError("expected RESULT, got type %d payload %r" % (frame_type, payload))
        return int.from_bytes(payload[:4], "little"), payload[4:]
