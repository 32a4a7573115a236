"""Charts drawn on the server as inline SVG: no script, no external library, CSP unchanged.

Readable without colour: every bar carries its value as text, series differ by
pattern (plain, hatched) as well as by shade and are named in a text legend, and each
chart has a title and a description for screen readers. The page puts the chart's
data table right after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

BAR_HEIGHT = 22
CHART_WIDTH = 420
#: Series styles: (fill, pattern id or None, legend word).
SERIES_STYLES = (("#1f4e79", None, "plein"), ("#b35900", "hachures", "hachuré"))
_DEFS = (
    '<defs><pattern id="{id}-hachures" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#b35900" stroke-width="3"/></pattern></defs>'
)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as printed next to the bar (« 1 234 », « 12,5 % »)


def _open(chart_id: str, title: str, description: str, width: int, height: int) -> list[str]:
    return [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title><desc '
        f'id="{chart_id}-d">{escape(description)}</desc>',
        _DEFS.format(id=chart_id),
    ]


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def horizontal_bars(chart_id: str, title: str, bars: Sequence[Bar], description: str = "") -> Markup:
    """One bar per row, in the order given: its label above it, its value printed after it.

    Labels sit on their own line so that bars keep the whole width on a phone.
    """
    row = 40
    height = max(1, len(bars)) * row + 6
    top = max((b.value for b in bars), default=0) or 1
    room = CHART_WIDTH - 110
    parts = _open(chart_id, title, description or title, CHART_WIDTH, height)
    for i, bar in enumerate(bars):
        y = 4 + i * row
        length = max(1.0, room * bar.value / top) if bar.value > 0 else 0
        parts.append(
            f'<text x="0" y="{y + 12}" class="chart-label">{escape(_short(bar.label, 60))}</text>'
            f'<rect x="0" y="{y + 17}" width="{length:.1f}" height="{BAR_HEIGHT - 6}" fill="#1f4e79"/>'
            f'<text x="{length + 5:.1f}" y="{y + 30}" class="chart-value">{escape(bar.shown)}</text>'
        )
    if not bars:
        parts.append('<text x="0" y="20" class="chart-label">Aucune donnée sur la période.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every interpolated text went through escape()


def columns(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    description: str = "",
) -> Markup:
    """Grouped columns over time (one group per day or month), at most two series.

    The first series is plain, the second hatched; the legend names both in words.
    """
    height, bottom, left = 268, 200, 40
    groups = max(1, len(labels))
    step = (CHART_WIDTH - left - 10) / groups
    width = max(1.0, step * 0.8 / max(1, len(series)))
    top = max((v for _, values in series for v in values), default=0) or 1
    parts = _open(chart_id, title, description or title, CHART_WIDTH, height)
    parts.append(f'<line x1="{left}" y1="{bottom}" x2="{CHART_WIDTH - 10}" y2="{bottom}" stroke="#333"/>')
    for tick in (0, top / 2, top):
        y = bottom - (bottom - 20) * tick / top
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="chart-value">{tick:.0f}</text>'
            f'<line x1="{left}" y1="{y:.1f}" x2="{CHART_WIDTH - 10}" '
            f'y2="{y:.1f}" stroke="#ccc" stroke-dasharray="2 3"/>'
        )
    label_every = max(1, groups // 6)
    for g, label in enumerate(labels):
        x0 = left + g * step + step * 0.1
        for s, (_, values) in enumerate(series[:2]):
            value = values[g]
            h = (bottom - 20) * value / top
            fill, pattern, _ = SERIES_STYLES[s]
            paint = f"url(#{chart_id}-{pattern})" if pattern else fill
            parts.append(
                f'<rect x="{x0 + s * width:.1f}" y="{bottom - h:.1f}" width="{width:.1f}" height="{h:.1f}" '
                f'fill="{paint}" stroke="{fill}"><title>{escape(label)} : {value:.0f}</title></rect>'
            )
        if g % label_every == 0:
            parts.append(
                f'<text x="{x0:.1f}" y="{bottom + 16}" class="chart-label '
                f'chart-small">{escape(label[-5:])}</text>'
            )
    for s, (name, _) in enumerate(series[:2]):
        fill, pattern, word = SERIES_STYLES[s]
        paint = f"url(#{chart_id}-{pattern})" if pattern else fill
        y = bottom + 28 + s * 20
        parts.append(
            f'<rect x="{left}" y="{y}" width="14" height="14" fill="{paint}" stroke="{fill}"/>'
            f'<text x="{left + 20}" y="{y + 12}" class="chart-label">{escape(name)} ({word})</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every interpolated text went through escape()
