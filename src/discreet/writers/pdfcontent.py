"""Cut chosen glyphs out of a PDF page's content stream, leaving every other glyph where it was."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

import pikepdf

from discreet.writers.pdffonts import Font

Matrix = tuple[float, float, float, float, float, float]
Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# How far, in points, a glyph's origin may lie from PDFium's origin of the character it draws.
_NEAR = 0.5
_NO_FONT = Font(False, {}, 0.0, "text shown before any font is chosen")


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """The matrix that applies m, then n (PDF's row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def translate(x: float, y: float) -> Matrix:
    """The matrix that moves by (x, y)."""
    return (1.0, 0.0, 0.0, 1.0, x, y)


@dataclass(frozen=True, slots=True)
class Targets:
    """The page-space origins of the characters to cut, found by a grid of whole points."""

    origins: tuple[tuple[float, float], ...]
    grid: dict[tuple[int, int], tuple[int, ...]]
    rows: frozenset[int]  # the whole-point heights within reach of a target

    def on_row(self, y: float) -> bool:
        """Whether a horizontal line of text at height y can pass near any target."""
        return math.floor(y) in self.rows

    def near(self, x: float, y: float) -> tuple[int, ...]:
        """The targets whose origin lies within reach of (x, y)."""
        cell = (math.floor(x), math.floor(y))
        found = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for index in self.grid.get((cell[0] + dx, cell[1] + dy), ()):
                    tx, ty = self.origins[index]
                    if abs(tx - x) <= _NEAR and abs(ty - y) <= _NEAR:
                        found.append(index)
        return tuple(found)


def targets(origins: Sequence[tuple[float, float]]) -> Targets:
    """Index character origins for lookup by position."""
    grid: dict[tuple[int, int], list[int]] = {}
    for index, (x, y) in enumerate(origins):
        grid.setdefault((math.floor(x), math.floor(y)), []).append(index)
    rows = frozenset(row + dy for _, row in grid for dy in (-1, 0, 1))
    return Targets(tuple(origins), {cell: tuple(found) for cell, found in grid.items()}, rows)


@dataclass(frozen=True, slots=True)
class TextState:
    """The graphics and text state the glyph positions depend on (saved by q, restored by Q)."""

    ctm: Matrix = IDENTITY
    font: Font = _NO_FONT
    size: float = 0.0
    char_space: float = 0.0
    word_space: float = 0.0
    scale: float = 1.0
    leading: float = 0.0
    rise: float = 0.0


@dataclass(frozen=True, slots=True)
class Cut:
    """A page's instructions with glyphs cut, which targets were hit, and why cutting stopped, if it did."""

    instructions: tuple[Instruction, ...]
    hit: frozenset[int]
    cut: int
    problem: str = ""


def cut_glyphs(
    instructions: Sequence[Instruction],
    fonts: Callable[[str], Font],
    wanted: Targets,
    text_forms: frozenset[str],
    spoken: frozenset[str] = frozenset(),
) -> Cut:
    """Walk a page's content, replacing each glyph drawn at a target by the space it took.

    text_forms names the page's form XObjects that show text: their glyphs are out of reach; spoken
    names the page's marked-content properties with an ActualText, which readers show instead of glyphs.
    """
    walker = _Walker(fonts, wanted, spoken)
    out: list[Instruction] = []
    for instruction in instructions:
        op = str(instruction.operator)
        if op in _SHOWS:
            out.extend(walker.show(op, instruction))
            if walker.problem:
                return Cut((), frozenset(), 0, walker.problem)
            continue
        walker.track(op, instruction)
        out.append(instruction)
        if op == "Do" and str(instruction.operands[0]) in text_forms:
            walker.forms += 1
    if len(walker.hit) < len(wanted.origins) and (walker.forms or walker.doubt):
        problem = walker.doubt or "text drawn inside a form XObject, which discreet does not rewrite"
        return Cut((), frozenset(), 0, problem)
    return Cut(tuple(out), frozenset(walker.hit), walker.cut)


class _Walker:
    """Follows the text state through a content stream; one per page, used once."""

    def __init__(self, fonts: Callable[[str], Font], wanted: Targets, spoken: frozenset[str]) -> None:
        self.fonts = fonts
        self.wanted = wanted
        self.spoken = spoken
        self.marked: list[bool] = []
        self.state = TextState()
        self.saved: list[TextState] = []
        self.tm = self.tlm = IDENTITY
        self.hit: set[int] = set()
        self.cut = 0
        self.forms = 0
        self.problem = ""
        self.doubt = ""

    def show(self, op: str, instruction: Instruction) -> list[Instruction]:
        """The instructions that replace a text-showing one: itself, unless it shows a glyph to cut."""
        return list(self._show(op, list(instruction.operands), instruction))

    def track(self, op: str, instruction: Instruction) -> None:
        """Follow any other instruction that changes where glyphs go or how they are read."""
        if op in _MARKS:
            self._mark(op, list(instruction.operands))
        elif op in _TRACKED:
            args: list[object] = list(instruction.operands)
            self._track(op, [_number(a) or 0.0 for a in args], args)

    def _track(self, op: str, nums: list[float], args: Sequence[object]) -> None:
        """Follow an operator that changes where glyphs go."""
        state = self.state
        if op == "q":
            self.saved.append(state)
        elif op == "Q" and self.saved:
            self.state = self.saved.pop()
        elif op == "cm" and len(nums) == 6:
            self.state = replace(state, ctm=multiply(_matrix(nums), state.ctm))
        elif op == "BT":
            self.tm = self.tlm = IDENTITY
        elif op in ("Td", "TD") and len(nums) == 2:
            if op == "TD":
                self.state = replace(state, leading=-nums[1])
            self._move(nums[0], nums[1])
        elif op == "Tm" and len(nums) == 6:
            self.tm = self.tlm = _matrix(nums)
        elif op == "T*":
            self._move(0.0, -state.leading)
        elif op == "Tf" and len(args) == 2:
            self.state = replace(state, font=self.fonts(str(args[0])), size=nums[1])
        elif nums:
            self.state = _text_field(state, op, nums[0])

    def _mark(self, op: str, args: list[object]) -> None:
        """Follow marked content: whether the glyphs inside are read as an ActualText instead."""
        if op == "EMC":
            if self.marked:
                self.marked.pop()
            return
        props = args[1] if op == "BDC" and len(args) == 2 else None
        spoken = isinstance(props, pikepdf.Dictionary) and "/ActualText" in props
        spoken = spoken or (isinstance(props, pikepdf.Name) and str(props) in self.spoken)
        self.marked.append(spoken or any(self.marked))

    def _move(self, x: float, y: float) -> None:
        self.tlm = multiply(translate(x, y), self.tlm)
        self.tm = self.tlm

    def _show(self, op: str, args: Sequence[object], instruction: Instruction) -> Iterator[Instruction]:
        """Show a string or TJ array, cutting targeted glyphs; rewrite the operator only when one is cut."""
        before: list[Instruction] = []
        if op == '"' and len(args) == 3:
            aw, ac = _number(args[0]) or 0.0, _number(args[1]) or 0.0
            self.state = replace(self.state, word_space=aw, char_space=ac)
            before = [_instruction([aw], "Tw"), _instruction([ac], "Tc")]
        if op in ("'", '"'):
            self._move(0.0, -self.state.leading)
            before.append(_instruction([], "T*"))
        first = args[0] if args else None
        items = list(first) if op == "TJ" and isinstance(first, pikepdf.Array) else args[-1:]
        new_items, changed = self._items(items)
        if self.problem or not changed:
            yield instruction
            return
        yield from before
        yield _instruction([pikepdf.Array(new_items)], "TJ")

    def _items(self, items: Sequence[object]) -> tuple[list[object], bool]:
        """The TJ array that shows items with targeted glyphs replaced by their advance."""
        out: list[object] = []
        changed = False
        for item in items:
            if isinstance(item, pikepdf.String):
                pieces, cut = self._string(bytes(item))
                changed = changed or cut
                out.extend(pieces if cut else [item])
            elif (amount := _number(item)) is not None:
                self.tm = multiply(
                    translate(-amount / 1000 * self.state.size * self.state.scale, 0.0), self.tm
                )
                out.append(item)
        return out, changed

    def _string(self, data: bytes) -> tuple[list[object], bool]:
        """Advance over one string's glyphs; return its pieces, kept strings and the gaps of cut glyphs."""
        state = self.state
        font = state.font
        codes = font.codes(data)
        self.doubt = self.doubt or font.problem
        pieces: list[object] = []
        kept: list[int] = []
        cut_any = False
        # Each glyph's origin is the string's origin moved along the text line by the advances so far.
        a, b, c, d, e, f = multiply(self.tm, state.ctm)
        x0, y0 = state.rise * c + e, state.rise * d + f
        travelled = 0.0
        if font.partial and not self.doubt and any(code not in font.widths for code in codes):
            self.doubt = "characters whose widths the font does not give"
        # A horizontal line far from every target's height needs no look-up glyph by glyph.
        passes = b != 0 or self.wanted.on_row(y0)
        for code in codes:
            advance = (font.width(code) / 1000 * state.size + state.char_space) * state.scale
            if code == 32 and not font.two_byte:
                advance += state.word_space * state.scale
            hit = self.wanted.near(x0 + travelled * a, y0 + travelled * b) if passes else ()
            travelled += advance
            if not hit:
                kept.append(code)
                continue
            gap = _gap(advance, state)
            problem = font.problem or ("" if gap is not None else _SIZE_ZERO)
            if self.marked and self.marked[-1]:
                problem = problem or _SPOKEN
            if problem or gap is None:
                self.problem = problem
                return [], False
            self.hit.update(hit)
            self.cut += 1
            cut_any = True
            if kept:
                pieces.append(pikepdf.String(font.encode(kept)))
                kept = []
            if pieces and isinstance(pieces[-1], float):
                pieces[-1] = round(pieces[-1] + gap, 4)  # neighbouring cut glyphs make one gap
            else:
                pieces.append(gap)
        self.tm = multiply(translate(travelled, 0.0), self.tm)
        if kept:
            pieces.append(pikepdf.String(font.encode(kept)))
        return pieces, cut_any


def _gap(advance: float, state: TextState) -> float | None:
    """The TJ number that moves as far as a glyph's advance."""
    unit = state.size * state.scale
    if unit == 0:
        return None
    return round(-advance * 1000 / unit, 4)


_SHOWS = frozenset({"Tj", "TJ", "'", '"'})
_MARKS = frozenset({"BDC", "BMC", "EMC"})
_SIZE_ZERO = "text set at size zero, whose glyphs cannot be cut in place"
_SPOKEN = (
    "text whose reading is given apart from its glyphs (an ActualText), which cannot be cut glyph by glyph"
)
_TRACKED = frozenset({"q", "Q", "cm", "BT", "Td", "TD", "Tm", "T*", "Tf", "Tc", "Tw", "Tz", "TL", "Ts"})


def _text_field(state: TextState, op: str, value: float) -> TextState:
    """The state after an operator that sets one number of the text state (others leave it as it is)."""
    match op:
        case "Tc":
            return replace(state, char_space=value)
        case "Tw":
            return replace(state, word_space=value)
        case "Tz":
            return replace(state, scale=value / 100)
        case "TL":
            return replace(state, leading=value)
        case "Ts":
            return replace(state, rise=value)
    return state


def _number(value: object) -> float | None:
    """An operand as a number, None when it is not one (pikepdf gives reals as Decimal)."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return float(value)
    return None


def _matrix(nums: Sequence[float]) -> Matrix:
    return (nums[0], nums[1], nums[2], nums[3], nums[4], nums[5])


def _instruction(operands: list[Any], operator: str) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction(operands, pikepdf.Operator(operator))
