"""Properties: numbers parse back to their value, and no input crashes the extractors."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.figures import extract_figures
from bot.core.model import Stance
from bot.core.stance import stance_of

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
ONES += "fifteen sixteen seventeen eighteen nineteen"
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
CLAIM = "North Korea will send 25,000 to 30,000 more troops to Russia"


def in_words(n: int) -> str:
    """English words for 0 <= n < 10**9 ("twenty-five thousand six hundred")."""
    ones, tens = ONES.split(), TENS.split()

    def below_thousand(k: int) -> list[str]:
        out = []
        if k >= 100:
            out += [ones[k // 100], "hundred"]
            k %= 100
        if k >= 20:
            out.append(tens[k // 10] + (f"-{ones[k % 10]}" if k % 10 else ""))
        elif k:
            out.append(ones[k])
        return out

    words: list[str] = []
    for scale, name in ((10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            words += [*below_thousand(n // scale), name]
            n %= scale
    words += below_thousand(n)
    return " ".join(words) or "zero"


def the_figure(text: str) -> tuple[float, float, str]:
    figures = extract_figures(f"They sent {text} troops.")
    assert len(figures) == 1, (text, figures)
    return figures[0].low, figures[0].high, figures[0].text


@given(
    st.integers(min_value=1_000, max_value=10**12), st.sampled_from([",", "\u00a0", "\u202f", " "])
)
def test_integers_with_separators_parse_back(n: int, sep: str) -> None:
    text = f"{n:,}".replace(",", sep)
    low, high, shown = the_figure(text)
    assert low <= n <= high and high - low <= 0.05 * n
    assert shown == text


@given(st.integers(min_value=2, max_value=999))
def test_small_integers_parse_back(n: int) -> None:
    low, high, _ = the_figure(str(n))
    assert low <= n <= high


@given(st.integers(min_value=2, max_value=999_999_999))
def test_integers_in_words_parse_back(n: int) -> None:
    low, high, shown = the_figure(in_words(n))
    assert low <= n <= high and high - low <= 0.05 * n
    assert shown == in_words(n)


@given(st.text())
def test_no_unicode_crashes_the_extractors(text: str) -> None:
    for figure in extract_figures(text):
        assert figure.low <= figure.high
    stance, score, _ = stance_of(CLAIM, text)
    assert stance in Stance and 0.0 <= score <= 1.0


@given(st.text(alphabet="0123456789,.-–/: %$", max_size=200))
def test_digits_and_punctuation_only(text: str) -> None:
    for figure in extract_figures(text):
        assert figure.low <= figure.high
        assert text[figure.span[0] : figure.span[1]] == figure.text


HTML = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<a href='x'>", "</a>", "&amp;", "&#8212;", "<br/>", "<script>", "30,000",
         " troops ", "North Korea", " said ", "&nbsp;", "<!--", "-->", "“", "no information"]
    ),
    max_size=60,
).map("".join)  # fmt: skip


@given(HTML)
def test_html_fragments(text: str) -> None:
    extract_figures(text)
    stance_of(CLAIM, text)


@settings(max_examples=1, deadline=None)
@given(st.just(None))
def test_a_megabyte_of_text(_: None) -> None:
    paragraph = (
        "North Korea will send 25,000 to 30,000 more troops to Russia, CNN said on July 2, "
        "citing Ukrainian intelligence; some 600 were killed near the KN-23 site in 2024. "
    )
    text = (paragraph * (1_000_000 // len(paragraph) + 1))[:1_000_000]
    figures = extract_figures(text)
    assert len(figures) > 10_000
    assert stance_of(CLAIM, text)[0] is not Stance.UNRELATED
