"""A claim's figures over time as a PNG (matplotlib's Agg canvas, in memory, no pyplot).

Each sighting is one point, labelled with its source. Ranges are drawn as vertical bars from
low to high; "at least / more than" as a marker with an arrow pointing up (open-ended);
"up to / fewer than" with an arrow pointing down; "about" with a hollow marker; "almost" as a
triangle just under the number. Disputing figures are orange, refutations (a denial with no
figure) a dashed red line across the date. 1080×1080 px with large fonts: legible on a phone.

matplotlib is imported where a chart is drawn, not with this module: it and numpy hold about
30 MB in every process that imports ``bot.service``, and charts are drawn only on request.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.core.model import Hedge, Sighting, Stance

if TYPE_CHECKING:
    from matplotlib.figure import Figure as PlotFigure
    from matplotlib.lines import Line2D

SIZE_IN = 7.2
DPI = 150  # 7.2 in × 150 dpi = 1080 px
POINT = "point"  # gid prefix of every plotted sighting (tests count them)
COLORS = {Stance.DISPUTES: "#e67e22", Stance.REFUTES: "#c0392b"}
DEFAULT_COLOR = "#1f5fa8"
MARKERS = {
    Hedge.EXACT: "o",
    Hedge.ABOUT: "o",
    Hedge.ALMOST: "v",
    Hedge.AT_LEAST: "^",
    Hedge.UP_TO: "v",
    Hedge.FEWER_THAN: "v",
    Hedge.RANGE: "_",
    Hedge.VAGUE: "D",
}


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # matplotlib's default date epoch


def date2num(when: datetime) -> float:
    """Days since matplotlib's epoch (what its date axes plot)."""
    aware = when if when.tzinfo else when.replace(tzinfo=UTC)
    return (aware - _EPOCH).total_seconds() / 86400


def _who(s: Sighting) -> str:
    who = s.attribution.source or s.attribution.via or s.outlet or "unattributed"
    if s.story_key.startswith("claim:"):
        who = f"{who} (claim)"
    return textwrap.shorten(who, 34, placeholder="…")


def _number(value: float, _pos: object = None) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if abs(value) >= 10_000:
        return f"{value / 1_000:g}k"
    return f"{value:,.0f}"


def plotted(sightings: Sequence[Sighting]) -> list[Sighting]:
    """The sightings a chart shows: those with a figure, or a refutation; a syndicated copy of
    a story already shown (same origin, same figure) is one source, drawn once."""
    out: list[Sighting] = []
    seen: set[tuple[str, str, Stance]] = set()
    for s in sightings:
        if not (s.figure.text or s.stance is Stance.REFUTES):
            continue
        key = (s.origin_key, s.figure.text, s.stance)
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
    return out


def build_chart(title: str, sightings: Sequence[Sighting]) -> PlotFigure:
    """The figure, not yet rendered (tests inspect its artists)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.figure import Figure as PlotFigure
    from matplotlib.ticker import FuncFormatter

    fig = PlotFigure(figsize=(SIZE_IN, SIZE_IN), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    fig.subplots_adjust(left=0.14, right=0.96, top=0.86, bottom=0.2)
    fig.suptitle(textwrap.fill(title, 48), fontsize=15, fontweight="bold")
    points = plotted(sightings)
    dated = [s.published for s in points if s.published]
    start = min(dated) if dated else datetime(2000, 1, 1, tzinfo=UTC)
    finite = [v for s in points if s.figure.text for v in (s.figure.low, s.figure.high)]
    finite = [v for v in finite if math.isfinite(v) and v > 0]
    top = max(finite) if finite else 1.0
    arrow = top * 0.12
    xs = [date2num(s.published or start + timedelta(hours=i)) for i, s in enumerate(points)]
    x_low, x_high = (min(xs) - 1.0, max(xs) + 1.0) if xs else (0.0, 1.0)
    placed: list[tuple[float, float, float]] = []  # label extents
    for i, s in enumerate(points):
        x = xs[i]
        color = COLORS.get(s.stance, DEFAULT_COLOR)
        gid = f"{POINT}:{i}"
        if not s.figure.text:  # a denial: no figure, a line across the date
            line = ax.axvline(x, color=color, linestyle="--", linewidth=2.5, gid=gid)
            line.set_label("_refutes")
            ax.annotate(
                f"✗ {_who(s)}", (x, top * 1.05), fontsize=11, color=color, rotation=90,
                ha="right", va="top",
            )  # fmt: skip
            continue
        low, high, hedge = s.figure.low, s.figure.high, s.figure.hedge
        if hedge is Hedge.RANGE or (hedge in (Hedge.VAGUE, Hedge.ABOUT) and high > low * 1.05):
            y = (low + high) / 2
            ax.vlines(x, low, high, colors=color, linewidth=7, alpha=0.55)
            ax.plot([x], [y], marker="_", markersize=22, mew=3, color=color, gid=gid)
            label_y = high
        elif hedge is Hedge.AT_LEAST or math.isinf(high):
            y = low
            ax.plot([x], [y], marker="^", markersize=13, color=color, gid=gid)
            ax.annotate(
                "", xy=(x, y + arrow), xytext=(x, y),
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2.5},
            )  # fmt: skip
            label_y = y + arrow
        elif hedge in (Hedge.UP_TO, Hedge.FEWER_THAN):
            y = high
            ax.plot([x], [y], marker="v", markersize=13, color=color, gid=gid)
            ax.annotate(
                "", xy=(x, max(y - arrow, 0)), xytext=(x, y),
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2.5},
            )  # fmt: skip
            label_y = y
        else:
            y = high if hedge is Hedge.ALMOST else (low + high) / 2
            hollow = hedge in (Hedge.ABOUT, Hedge.VAGUE)
            ax.plot(
                [x], [y], marker=MARKERS.get(hedge, "o"), markersize=13, color=color,
                markerfacecolor="white" if hollow else color, mew=2.5, gid=gid,
            )  # fmt: skip
            label_y = y
        right_side = x > x_low + (x_high - x_low) * 0.6
        width = (x_high - x_low) * 0.4
        span = (x - width, x) if right_side else (x, x + width)
        nudge = sum(
            1
            for left, right, py in placed
            if left < span[1] and span[0] < right and abs(py - label_y) < top * 0.04
        )
        placed.append((span[0], span[1], label_y))
        ax.annotate(
            _who(s), (x, label_y), xytext=(-8 if right_side else 8, 6 + 15 * nudge),
            textcoords="offset points", fontsize=11, color="#222222",
            ha="right" if right_side else "left",
        )  # fmt: skip
    ax.set_ylim(0, top * 1.3)
    ax.yaxis.set_major_formatter(FuncFormatter(_number))
    ax.xaxis.set_major_locator(AutoDateLocator(maxticks=6))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
    ax.tick_params(labelsize=13)
    ax.grid(True, alpha=0.3)
    if xs:
        ax.set_xlim(x_low, x_high)
    if not points:
        ax.text(0.5, 0.5, "no figures yet", ha="center", va="center", fontsize=16,
                transform=ax.transAxes)  # fmt: skip
    ax.legend(handles=_legend(), loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3,
              fontsize=10, frameon=False)  # fmt: skip
    return fig


def _legend() -> list[Line2D]:
    from matplotlib.lines import Line2D

    def item(marker: str, label: str, color: str = DEFAULT_COLOR, hollow: bool = False) -> Line2D:
        face = "white" if hollow else color
        return Line2D([], [], marker=marker, color=color, markerfacecolor=face, linestyle="",
                      markersize=10, mew=2, label=label)  # fmt: skip

    return [
        item("o", "exact"),
        item("o", "about", hollow=True),
        item("_", "range (bar)"),
        item("^", "at least ↑"),
        item("v", "up to / almost"),
        item("o", "disputes", COLORS[Stance.DISPUTES]),
        Line2D([], [], color=COLORS[Stance.REFUTES], linestyle="--", label="refutes"),
    ]


def count_points(fig: PlotFigure) -> int:
    """How many sightings ``fig`` plots (artists whose gid starts with ``point:``)."""
    return sum(1 for a in fig.findobj(lambda a: str(a.get_gid() or "").startswith(f"{POINT}:")))


def render_png(fig: PlotFigure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def claim_chart(title: str, sightings: Sequence[Sighting]) -> bytes | None:
    """The PNG of a claim's figures over time; None when there is nothing to plot."""
    if not plotted(sightings):
        return None
    return render_png(build_chart(title, sightings))


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
