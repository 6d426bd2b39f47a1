"""The portal's mark (theme/static/logo.svg) as the PNG icons an installed
portal needs: Android asks for 192 and 512 pixels, and a "maskable" one
whose mark keeps clear of the shape a phone cuts it to.

The mark is drawn here with Pillow from the same geometry as logo.svg (a
48-unit square: the signal going out from a village house on stilts by the
river), at four times the size and scaled down, which smooths its edges.
Nothing needs a system library or a download, and the same Pillow gives the
same bytes (the icons are part of the service worker's version, offline.py).
A change to logo.svg is a change to ``_draw_mark`` too; tests/test_offline.py
compares the two drawings in Chromium.
"""

import math
from io import BytesIO

from PIL import Image, ImageDraw

SUPERSAMPLE = 4
TILE = "#fff8ec"
SIGNAL = "#c2410c"
HOUSE = "#0b5d4b"
WATER = "#1f5aa6"
# A maskable icon is cut to at most a circle of 80% of its width around its
# centre (W3C, "Icon masks"): the mark is scaled so that its farthest point
# from the centre (24, 24), the river's round ends at (6, 42) and (42, 42),
# 26.8 units away with their strokes, stays inside that circle.
SAFE_DIAMETER = 0.8
MARK_RADIUS = 27
PALETTE = 28


def _bezier(p0, p1, p2, p3, steps=12):
    return [tuple((1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c
                  + t ** 3 * d for a, b, c, d in zip(p0, p1, p2, p3, strict=True))
            for t in (step / steps for step in range(steps + 1))]


# The river of logo.svg: "M6 42c3-2 6-2 9 0s6 2 9 0 6-2 9 0 6 2 9 0".
_WAVE = [point for index, start in enumerate((6, 15, 24, 33)) for point in _bezier(
    (start, 42), (start + 3, 40 if index % 2 == 0 else 44),
    (start + 6, 40 if index % 2 == 0 else 44), (start + 9, 42))[(1 if index else 0):]]


def _draw_mark(pen, unit, offset):
    """logo.svg's drawing, without its tile, on `pen`: one unit of the
    48-unit square is `unit` pixels, its origin at `offset` pixels."""
    def at(x, y):
        return (offset + x * unit, offset + y * unit)

    def line(points, colour, width):
        pixels = [at(*point) for point in points]
        pen.line(pixels, fill=colour, width=round(width * unit), joint="curve")
        for x, y in (pixels[0], pixels[-1]):  # round caps
            radius = width * unit / 2
            pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)

    def arc(centre_y, radius, half_chord, chord_y, width):
        # An arc of logo.svg's signal, from its two ends (its centre is below them).
        centre = at(24, centre_y)
        outer = (radius + width / 2) * unit

        start = math.degrees(math.atan2(chord_y - centre_y, -half_chord))
        end = math.degrees(math.atan2(chord_y - centre_y, half_chord))
        pen.arc((centre[0] - outer, centre[1] - outer, centre[0] + outer, centre[1] + outer),
                start, end, fill=SIGNAL, width=round(width * unit))
        for x in (24 - half_chord, 24 + half_chord):
            end_x, end_y = at(x, chord_y)
            cap = width * unit / 2
            pen.ellipse((end_x - cap, end_y - cap, end_x + cap, end_y + cap), fill=SIGNAL)

    # The signal: "M18.5 12.5a7.5 7.5 0 0 1 11 0M14.5 8.5a13 13 0 0 1 19 0".
    arc(12.5 + (7.5 ** 2 - 5.5 ** 2) ** .5, 7.5, 5.5, 12.5, 2.6)
    arc(8.5 + (13 ** 2 - 9.5 ** 2) ** .5, 13, 9.5, 8.5, 2.6)
    line([(8, 30), (24, 19), (40, 30)], HOUSE, 3.2)  # the roof
    line(_WAVE, WATER, 2.6)
    x, y = at(24, 15)
    pen.ellipse((x - 2.6 * unit, y - 2.6 * unit, x + 2.6 * unit, y + 2.6 * unit), fill=SIGNAL)
    pen.polygon([at(13, 28.5), at(24, 20.9), at(35, 28.5), at(35, 36), at(13, 36)], fill=HOUSE)
    pen.polygon([at(21.5, 36), at(21.5, 30.5), at(26.5, 30.5), at(26.5, 36)], fill=TILE)
    for stilt in (15, 24, 33):
        line([(stilt, 36), (stilt, 39)], HOUSE, 2.2)


def draw(size, maskable=False):
    """The icon, `size` pixels square, as an RGBA image: the mark on its
    rounded tile (transparent corners), or, `maskable`, on a tile that fills
    the square with the mark inside the safe circle."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, big, big), fill=TILE)
        unit = big * SAFE_DIAMETER / 2 / MARK_RADIUS
        offset = big / 2 - 24 * unit
    else:
        unit = big / 48
        offset = 0
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(11 * unit), fill=TILE)
    _draw_mark(pen, unit, offset)
    return image.resize((size, size), Image.LANCZOS)


def png(size, maskable=False):
    """The icon's PNG bytes: a palette of few colours (the mark has five,
    plus the shades of its smoothed edges), so each is a few kilobytes (the
    browser fetches one on a reader's first visit, to offer installing).
    28: fewer left a light pixel where the signal meets the roof; more only
    cost bytes."""
    image = draw(size, maskable)
    buffer = BytesIO()
    image.quantize(PALETTE, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        buffer, "PNG", optimize=True)
    return buffer.getvalue()
