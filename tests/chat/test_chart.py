"""The claim chart: one plotted point per sighting, a 1080×1080 PNG."""

from __future__ import annotations

import math
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.core.chart import build_chart, claim_chart, count_points, png_size, render_png
from bot.core.model import Attribution, Figure, Hedge, Sighting, Stance


def seen(low: float, high: float, hedge: Hedge, text: str, who: str, day: int,
         stance: Stance = Stance.SUPPORTS) -> Sighting:  # fmt: skip
    return Sighting(
        Figure(low, high, hedge, text, counted="troops"),
        Attribution(who, "CNN"),
        "CNN",
        "https://example.org",
        datetime(2025, 7, day, tzinfo=UTC),
        f"story-{day}",
        f"story-{day}",
        stance,
    )


SIGHTINGS = [
    seen(25_000, 30_000, Hedge.RANGE, "25,000 to 30,000", "Ukrainian intelligence", 2),
    seen(11_000, math.inf, Hedge.AT_LEAST, "more than 11,000", "Seoul", 5),
    seen(14_850, 15_150, Hedge.ABOUT, "about 15,000", "Reuters", 7),
    seen(0, 30_000, Hedge.UP_TO, "up to 30,000", "Kyiv", 8),
    seen(10_000, 20_000, Hedge.RANGE, "10,000 to 20,000", "Stimson", 10, Stance.DISPUTES),
    seen(0, math.inf, Hedge.VAGUE, "", "GUR", 12, Stance.REFUTES),
    seen(29_000, 29_999, Hedge.ALMOST, "almost 30,000", "NK News", 13),
    seen(0, math.inf, Hedge.VAGUE, "", "nobody", 14, Stance.NEUTRAL),  # no figure: not drawn
]


def test_chart_plots_one_point_per_sighting_with_a_figure(tmp_path: Path) -> None:
    fig = build_chart("North Korea will send 25,000 to 30,000 more troops", SIGHTINGS)
    assert count_points(fig) == 7
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"Ukrainian intelligence", "Seoul", "Stimson", "✗ GUR"} <= texts
    png = render_png(fig)
    assert png_size(png) == (1080, 1080)
    (tmp_path / "chart.png").write_bytes(png)


def test_no_chart_without_figures() -> None:
    assert claim_chart("a claim", SIGHTINGS[-1:]) is None
    assert claim_chart("a claim", []) is None


def test_importing_the_service_leaves_matplotlib_for_the_first_chart() -> None:
    """matplotlib (about 30 MB resident) is imported when a chart is drawn, not at start."""
    probe = (
        "import sys, bot.service; print('matplotlib' in sys.modules); "
        "from bot.core.chart import claim_chart; print('matplotlib' in sys.modules)"
    )
    first = [
        sys.executable,
        "-c",
        probe + "; from tests.chat.test_chart import SIGHTINGS; claim_chart('t', SIGHTINGS); "
        "print('matplotlib.figure' in sys.modules)",
    ]

    root = Path(__file__).resolve().parents[2]
    printed = subprocess.run(
        first, capture_output=True, text=True, check=True, timeout=120, cwd=root
    )

    assert printed.stdout.split() == ["False", "False", "True"]
