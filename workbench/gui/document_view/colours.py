"""The document view's colours, derived from the palette (light or dark) so coded text stays
readable: every highlight keeps at least WCAG AA contrast (4.5:1) with the text drawn on it.

Plain data and arithmetic (no widgets): a colour is an ``(r, g, b)`` tuple; each code's colour
string is parsed once, and each highlight is worked out once per *set* of colours, however the
codings that make it up are ordered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

RGB = tuple[int, int, int]

# Aimed above AA's 4.5 so anti-aliased glyph edges and rounding never take a pixel below it.
TEXT_CONTRAST = 5.2
BAR_CONTRAST = 3.0  # WCAG's bar for graphics: a stripe must stand out from its margin
HIGHLIGHT_ALPHA = 0.5  # how much of the code's colour a single coding lays over the page
OVERLAP_ALPHA = 0.62  # overlapping codings show a little stronger


@lru_cache(maxsize=4096)
def parse(colour: str) -> RGB:
    """``#RRGGBB`` or ``#RGB``; anything else is a neutral grey (colours come from files)."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    try:
        value = int(text, 16) if len(text) == 6 else -1
    except ValueError:
        value = -1
    if value < 0:
        return (128, 128, 128)
    return (value >> 16 & 255, value >> 8 & 255, value & 255)


def hex_name(rgb: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(base: RGB, over: RGB, share: float) -> RGB:
    """``over`` laid on ``base`` with opacity ``share``."""
    red, green, blue = (round(b + (o - b) * share) for b, o in zip(base, over, strict=True))
    return red, green, blue


def average(colours: Iterable[str]) -> RGB:
    parsed = [parse(c) for c in colours]
    red, green, blue = (round(sum(p[i] for p in parsed) / len(parsed)) for i in range(3))
    return red, green, blue


@dataclass
class Scheme:
    """The colours of one palette: ``base`` (the page) and ``text`` (its ink)."""

    base: RGB = (255, 255, 255)
    text: RGB = (0, 0, 0)
    _highlights: dict[frozenset[str], RGB] = field(default_factory=dict, repr=False)
    _stripes: dict[str, RGB] = field(default_factory=dict, repr=False)

    @property
    def dark(self) -> bool:
        return luminance(self.base) < luminance(self.text)

    def readable(self, background: RGB) -> bool:
        inks = (self.text, self.speaker, self.timestamp)
        return all(contrast(ink, background) >= TEXT_CONTRAST for ink in inks)

    def highlight(self, colours: frozenset[str]) -> RGB:
        """The background of text coded with these colours (several: their mix, stronger)."""
        found = self._highlights.get(colours)
        if found is None:
            mixed = average(sorted(colours))
            share = OVERLAP_ALPHA if len(colours) > 1 else HIGHLIGHT_ALPHA
            found = mix(self.base, mixed, share)
            while share > 0 and not self.readable(found):
                share = max(0.0, share - 0.03)
                found = mix(self.base, mixed, share)
            self._highlights[colours] = found
        return found

    def underline(self, colours: frozenset[str]) -> RGB:
        """Overlapping codings are dotted-underlined in a shade of their mix that shows."""
        return mix(average(sorted(colours)), self.text, 0.55)

    def stripe(self, colour: str) -> RGB:
        """A code's colour as a bar in the margin, moved toward the ink until it stands out."""
        found = self._stripes.get(colour)
        if found is None:
            rgb, share, margin = parse(colour), 0.0, self.margin
            found = rgb
            while contrast(found, margin) < BAR_CONTRAST and share < 1:
                share += 0.1
                found = mix(rgb, self.text, share)
            self._stripes[colour] = found
        return found

    @property
    def margin(self) -> RGB:
        """The stripes margin: a shade off the page, toward the ink."""
        return mix(self.base, self.text, 0.04)

    @property
    def speaker(self) -> RGB:
        """Speaker names: ink-blue on a light page, sky-blue on a dark one."""
        return mix((0x9D, 0xC1, 0xF0), self.text, 0.25) if self.dark else (0x1F, 0x3A, 0x5F)

    @property
    def timestamp(self) -> RGB:
        return mix(self.text, self.base, 0.3)

    @property
    def label(self) -> RGB:
        """Stripe names: the ink, a little softened."""
        return mix(self.text, self.base, 0.15)
