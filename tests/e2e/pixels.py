#!/usr/bin/env python3
"""Pixel checks for the window and --screenshot tests (e2e/window.sh).

Reads a PNG (the 8-bit RGB kind vdm writes: any zlib stream, filter 0..4)
or an XWD screen dump of a window (xwd -name), scales it down by an integer
factor, and checks the screen of tests/dos/screen_keys.asm:
  - cell (0,0) 'K' of the title is yellow FFFF55 on blue 0000AA, and its
    pixels are the glyph for U+004B in the console font the build used
    (the PSF file is parsed here independently of vdm/fontgen/psf2c.c);
  - so are 'E' (0,1) and ':' (0,4); a blank title cell is all blue;
  - the colour bar on row 1: cells 2k and 2k+1 are solid palette colour k.
Usage: pixels.py IMAGE SCALE FONT.psf.gz   (exit 0 ok, 1 with reasons)
"""
import gzip
import struct
import sys
import zlib

PALETTE = [0x000000, 0x0000AA, 0x00AA00, 0x00AAAA, 0xAA0000, 0xAA00AA, 0xAA5500, 0xAAAAAA,
           0x555555, 0x5555FF, 0x55FF55, 0x55FFFF, 0xFF5555, 0xFF55FF, 0xFFFF55, 0xFFFFFF]


def load_png(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        crc = struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])[0]
        assert zlib.crc32(kind + body) == crc, "bad CRC in " + kind.decode()
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype == 2, "not 8-bit RGB"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = 1 + 3 * w
    rows, prev = [], bytearray(3 * w)
    for y in range(h):
        f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for i in range(len(line)):
            a = line[i - 3] if i >= 3 else 0
            b = prev[i]
            c = prev[i - 3] if i >= 3 else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        rows.append([line[3 * x] << 16 | line[3 * x + 1] << 8 | line[3 * x + 2] for x in range(w)])
        prev = line
    return w, h, rows


def load_xwd(data):
    f = struct.unpack(">25I", data[:100])
    hsize, fmt, w, h, order, bpp, bpl = f[0], f[2], f[4], f[5], f[7], f[11], f[12]
    ncolors = f[19]
    assert fmt == 2 and bpp == 32, "want a 32-bit ZPixmap"
    pos = hsize + 12 * ncolors
    e = "<" if order == 0 else ">"
    rows = []
    for y in range(h):
        line = data[pos + y * bpl:pos + y * bpl + 4 * w]
        rows.append([v & 0xFFFFFF for v in struct.unpack(e + "%dI" % w, line)])
    return w, h, rows


def load_font(path):
    data = gzip.open(path).read()
    assert data[:2] == b"\x36\x04", "want a PSF1 font"
    mode, size = data[2], data[3]
    n = 512 if mode & 1 else 256
    glyphs = [data[4 + i * size:4 + (i + 1) * size] for i in range(n)]
    table, pos, g = {}, 4 + n * size, 0
    while g < n and pos + 1 < len(data):
        u = struct.unpack("<H", data[pos:pos + 2])[0]
        pos += 2
        if u == 0xFFFF:
            g += 1
        elif u != 0xFFFE:
            table.setdefault(u, glyphs[g])
    return table


def main():
    path, scale, font = sys.argv[1], int(sys.argv[2]), load_font(sys.argv[3])
    data = open(path, "rb").read()
    w, h, px = load_png(data) if data[:4] == b"\x89PNG" else load_xwd(data)
    fails = []
    if w < 80 * 8 * scale or h < 25 * 16 * scale:
        print("image %dx%d too small for 80x25 cells at scale %d" % (w, h, scale))
        return 1

    def cell(row, col):
        return [[px[(row * 16 + y) * scale + scale // 2][(col * 8 + x) * scale + scale // 2]
                 for x in range(8)] for y in range(16)]

    for col, ch in ((0, "K"), (1, "E"), (4, ":")):
        c = cell(0, col)
        colours = {p for line in c for p in line}
        if colours != {0xFFFF55, 0x0000AA}:
            fails.append("title cell %d colours %s" % (col, sorted("%06X" % v for v in colours)))
            continue
        bits = bytes(sum(0x80 >> x for x in range(8) if line[x] == 0xFFFF55) for line in c)
        if bits != font[ord(ch)]:
            fails.append("title cell %d is not the font's %r: %s vs %s" %
                         (col, ch, bits.hex(), font[ord(ch)].hex()))
    blank = {p for line in cell(0, 40) for p in line}
    if blank != {0x0000AA}:
        fails.append("blank title cell not all blue: %s" % blank)
    for k in range(16):
        for col in (2 * k, 2 * k + 1):
            colours = {p for line in cell(1, col) for p in line}
            if colours != {PALETTE[k]}:
                fails.append("colour bar cell %d: %s, want %06X" %
                             (col, sorted("%06X" % v for v in colours), PALETTE[k]))
    for f in fails:
        print(f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
