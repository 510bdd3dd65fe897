"""Small inline SVG charts for the HTML class report: no script, no external file, no xmlns URL."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT = 'font-family="inherit"'


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _nice_max(value: int) -> tuple[int, int]:
    """An axis top at or above `value` and a tick step giving at most ~5 ticks."""
    if value <= 5:
        return max(value, 1), 1
    raw = value / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    step = max(1, int(math.ceil(step)))
    return int(math.ceil(value / step) * step), step


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str
    note: str = ""  # shown to the right of the bar (e.g. "7 drafts · 58%")
    tooltip: str = ""


def histogram(
    counts: Sequence[int], labels: Sequence[str], colours: Sequence[str], title: str
) -> str:
    """Vertical bars, one per bin, with the count above each bar and the bin label below it."""
    width, height = 500, 250
    left, right, top, bottom = 34, 6, 22, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value, step = _nice_max(max(counts, default=0))
    slot = plot_w / max(len(counts), 1)
    bar_w = slot * 0.78
    parts = [
        f'<svg class="chart histogram" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_e(title)}" preserveAspectRatio="xMidYMid meet">',
        f"<title>{_e(title)}</title>",
    ]
    for tick in range(0, top_value + 1, step):
        y = top + plot_h - plot_h * tick / top_value
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        parts.append(
            f'<text class="tick" x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    for i, (count, label, colour) in enumerate(zip(counts, labels, colours, strict=True)):
        x = left + i * slot + (slot - bar_w) / 2
        h = plot_h * count / top_value
        y = top + plot_h - h
        tip = f"{label}: {count} draft{'s' if count != 1 else ''}"
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
            f'height="{max(h, 0):.1f}" rx="3" fill="{_e(colour)}"><title>{_e(tip)}</title></rect>'
        )
        if count:
            parts.append(
                f'<text class="count" x="{x + bar_w / 2:.1f}" y="{y - 6:.1f}" '
                f'text-anchor="middle">{count}</text>'
            )
        parts.append(
            f'<text class="label" x="{x + bar_w / 2:.1f}" y="{top + plot_h + 18}" '
            f'text-anchor="middle">{_e(label)}</text>'
        )
    parts.append(
        f'<line class="axis" x1="{left}" x2="{width - right}" '
        f'y1="{top + plot_h}" y2="{top + plot_h}"/>'
    )
    parts.append(
        f'<text class="axis-title" x="{left + plot_w / 2:.1f}" y="{height - 6}" '
        'text-anchor="middle">score</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def hbars(bars: Sequence[Bar], total: int, title: str, label_width: int = 160) -> str:
    """Horizontal bars, one per row, scaled to `total` (e.g. the number of graded drafts)."""
    width, row, top = 500, 28, 4
    note_width = 104
    height = top * 2 + row * max(len(bars), 1)
    plot_w = width - label_width - note_width - 16
    scale = max(total, 1)
    parts = [
        f'<svg class="chart hbars" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_e(title)}" preserveAspectRatio="xMidYMid meet">',
        f"<title>{_e(title)}</title>",
    ]
    for i, bar in enumerate(bars):
        y = top + i * row
        label = bar.label if len(bar.label) <= 22 else bar.label[:21] + "…"
        w = plot_w * min(bar.value, scale) / scale
        tip = bar.tooltip or f"{bar.label}: {bar.value}"
        parts.append(f"<g><title>{_e(tip)}</title>")
        parts.append(
            f'<text class="label" x="{label_width - 10}" y="{y + row / 2 + 4:.1f}" '
            f'text-anchor="end">{_e(label)}</text>'
        )
        parts.append(
            f'<rect class="track" x="{label_width}" y="{y + 6}" width="{plot_w}" '
            f'height="{row - 12}" rx="3"/>'
        )
        if w > 0:
            parts.append(
                f'<rect class="bar" x="{label_width}" y="{y + 6}" width="{max(w, 2):.1f}" '
                f'height="{row - 12}" rx="3" fill="{_e(bar.colour)}"/>'
            )
        parts.append(
            f'<text class="note" x="{label_width + plot_w + 10}" y="{y + row / 2 + 4:.1f}">'
            f"{_e(bar.note)}</text>"
        )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
