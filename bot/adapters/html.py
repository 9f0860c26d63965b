"""HTML → clean prose: feed summaries (``html_to_text``) and article pages (``extract_main_text``).

Feed text is untrusted. Both functions parse with lxml's HTML parser (no DTD, no entity
declarations, no network), drop scripts and styles, decode entities and never raise on bad
input: the worst case is an empty string (or ``None`` for a page with no article in it).
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from typing import Any

import lxml.etree  # type: ignore[import-untyped]  # no lxml-stubs in the venv
import lxml.html  # type: ignore[import-untyped]
import trafilatura

logger = logging.getLogger(__name__)

# Elements whose content is never prose.
_DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "head",
        "button",
        "select",
        "textarea",
        "canvas",
        "video",
        "audio",
        "map",
    }
)
# Elements that start and end a paragraph.
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    }
)
_CELL = frozenset({"td", "th"})
_LINE_BREAK = "\x00"  # sentinel for <br>; NUL never survives _clean_input
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # soft hyphen, zero widths
_BLANK_LINE = re.compile(r"\n\s*\n")
_TAG = re.compile(r"<[^>]*>")
_RELATED_TITLE = re.compile(
    r"\s*(related( articles?| stories| coverage| content| news| reading| links)?|read more"
    r"|more on this (story|topic)|more stories|you (may|might) also like|recommended"
    r"( for you| stories| reading)?|most (read|popular|viewed)|see also|further reading"
    r"|top stories|trending( now)?)\s*:?\s*$",
    re.IGNORECASE,
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_TAGS = ("h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "span", "div", "header")
_CONTAINERS = frozenset({"aside", "div", "nav", "section", "footer", "ul", "ol", "header"})


def html_to_text(html: str) -> str:
    """Turn an HTML fragment into clean prose.

    Paragraphs (block elements) are separated by blank lines, ``<br>`` becomes a line break,
    runs of whitespace collapse to one space, entities are decoded, and scripts, styles and
    other non-prose elements are dropped with their content, and so are "Related articles"
    blocks (a short title followed by link lists). Plain text passes through with
    its whitespace normalised.
    """
    cleaned = _clean_input(html)
    if not cleaned.strip():
        return ""
    if "<" not in cleaned and "&" not in cleaned:
        return _join_paragraphs(_BLANK_LINE.split(cleaned))
    try:
        root = lxml.html.fragment_fromstring(cleaned, create_parent="div")
    except (lxml.etree.ParserError, ValueError) as exc:
        logger.debug("html_to_text: lxml could not parse the fragment (%s); stripping tags", exc)
        return _join_paragraphs([html_lib.unescape(_TAG.sub(" ", cleaned))])
    _drop_related_blocks(root)  # feed summaries carry "Related articles:" link lists too
    return _join_paragraphs(_paragraphs(root))


def extract_main_text(html: str | bytes, url: str | None = None) -> str | None:
    """The main text of an article page, without navigation, boilerplate or related links.

    Blocks titled like "Related articles", "More on this story" or "Most read" are removed
    first (trafilatura keeps such a block when it sits inside the article without a telling
    class name), then trafilatura extracts in precision mode (no comments, no tables). Bytes
    are decoded by trafilatura's charset detection. Paragraphs are separated by blank lines;
    ``None`` when the page holds no recognisable article text.
    """
    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            return None
        _drop_related_blocks(tree)
        extracted = trafilatura.extract(
            tree,
            url=url,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:  # trafilatura catches most
        logger.warning("extract_main_text failed for %s: %s", url or "<page>", exc)
        return None
    if not extracted:
        return None
    paragraphs = [" ".join(line.split()) for line in extracted.splitlines()]
    text = "\n\n".join(p for p in paragraphs if p)
    return text or None


def _drop_related_blocks(tree: Any) -> None:
    """Remove "Related articles"-style blocks: the whole container when the title opens it,
    else the title and what follows it up to the next heading."""
    titles = [
        element
        for element in tree.iter(*_TITLE_TAGS)
        if len(text := element.text_content()) <= 60 and _RELATED_TITLE.match(text)
    ]
    for title in titles:
        if title.getparent() is None:
            continue  # already removed with an earlier block
        while title.getparent() is not None and _only_child_text(title.getparent(), title):
            title = title.getparent()  # <div><h3>Related</h3></div>: climb to the wrapper
        container = title.getparent()
        if container is None:
            continue
        opens = next(iter(container.iterchildren(tag=lxml.etree.Element)), None) is title
        # never the fragment's own wrapper (the root: lxml cannot drop it, and it is all the
        # text), nor a block with prose of its own beside the title (<div><b>Related</b> 600 …)
        whole = container.getparent() is not None and not _loose_text(container).strip()
        if opens and whole and container.tag in _CONTAINERS and _small_or_links(container):
            container.drop_tree()
            continue
        doomed = [title]
        for sibling in title.itersiblings(tag=lxml.etree.Element):
            tag = sibling.tag.lower()
            if tag in _HEADINGS or not (tag in ("ul", "ol") or _link_density(sibling) >= 0.5):
                break  # prose after the title: the article goes on
            doomed.append(sibling)
        for element in doomed:
            element.drop_tree()


def _loose_text(element: Any) -> str:
    """The text directly in ``element``, outside its child elements."""
    return str(element.text or "") + "".join(str(child.tail or "") for child in element)


def _small_or_links(element: Any) -> bool:
    """A block that can be dropped whole: short, or mostly links, and holding no article."""
    if element.find(".//article") is not None:
        return False
    return len(element.text_content()) <= 1500 or _link_density(element) >= 0.5


def _link_density(element: Any) -> float:
    total = len(element.text_content().strip())
    if not total:
        return 0.0
    linked = sum(len(a.text_content().strip()) for a in element.iter("a"))
    return linked / total


def _only_child_text(parent: Any, child: Any) -> bool:
    tag = parent.tag.lower() if isinstance(parent.tag, str) else ""
    if tag not in ("div", "span", "header", "strong", "b") or len(parent) != 1:
        return False
    return bool(parent.text_content().strip() == child.text_content().strip())


def _clean_input(text: str) -> str:
    return _INVISIBLE.sub("", _CONTROL.sub("", text))


def _paragraphs(root: Any) -> list[str]:
    """Walk the tree once, cutting a new paragraph at every block element."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def cut() -> None:
        if buffer:
            paragraphs.append("".join(buffer))
            buffer.clear()

    walker = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):  # no text of their own, but the tail is prose
            if element.tail:
                buffer.append(element.tail)
            continue
        tag = str(element.tag).lower()
        if event == "start":
            if tag in _DROP:
                walker.skip_subtree()
                continue
            if tag in _BLOCK:
                cut()
            elif tag in _CELL:
                buffer.append(" ")
            elif tag == "br":
                buffer.append(_LINE_BREAK)
            if element.text:
                buffer.append(element.text)
        else:
            if tag in _BLOCK:
                cut()
            elif tag in _CELL:
                buffer.append(" ")
            if element.tail and element is not root:
                buffer.append(element.tail)
    cut()
    return paragraphs


def _join_paragraphs(raw: list[str]) -> str:
    """Normalise whitespace inside each paragraph; keep <br> breaks; drop empty paragraphs."""
    out: list[str] = []
    for paragraph in raw:
        # runs of whitespace made one space, none at the ends: str.split() splits at exactly
        # the characters `\s` matches (tests/adapters/test_hostile_html.py checks them all)
        lines = (" ".join(line.split()) for line in paragraph.split(_LINE_BREAK))
        text = "\n".join(line for line in lines if line)
        if text:
            out.append(text)
    return "\n\n".join(out)
