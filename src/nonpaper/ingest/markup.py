"""HTML to text without trusting the markup: the block-element fallback for pages trafilatura finds
nothing in, the depth check (lxml silently drops what is nested over 256 levels deep), and a linear
tag stripper for pages no parser reads."""
from __future__ import annotations

import html as html_lib
import re


def html_to_text(html: str) -> str:
    """Text of the block elements, for pages trafilatura finds nothing in (or cannot parse)."""
    try:
        import lxml.html
        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//nav|//footer|//header|//noscript"):
            bad.drop_tree()
        blocks = [el.text_content().strip() for el in root.iter("h1", "h2", "h3", "p", "li", "blockquote")]
        blocks = [b for b in blocks if b]
        return "\n\n".join(blocks) if blocks else root.text_content()
    except Exception:
        return flat_text(html)


MAX_HTML_DEPTH = 256  # libxml2's limit on element nesting without XML_PARSE_HUGE


def too_deep(html: str) -> bool:
    """True when lxml gives up on the page's nesting (it then silently drops what is deeper)."""
    if html.count("<") < MAX_HTML_DEPTH:
        return False
    try:
        import lxml.html
        parser = lxml.html.HTMLParser()
        lxml.html.fromstring(html, parser=parser)
    except Exception:
        return False
    return any("depth" in e.message.lower() for e in parser.error_log)


_SKIPPED = ("script", "style", "noscript", "title")
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|br|hr|tr|table|section|article|"
                        r"header|footer|aside|main|figure|figcaption|pre)\b[^<>]*>", re.I)


def flat_text(html: str) -> str:
    """The text of markup without a parser: block tags end paragraphs, other tags go, entities are
    decoded; script and style contents are dropped. Linear in the input (no backtracking regex)."""
    parts, pos, lower = [], 0, html.lower()
    found = {tag: lower.find(f"<{tag}") for tag in _SKIPPED}
    while True:
        for tag, at in found.items():  # each tag's search only moves forward: linear overall
            if 0 <= at < pos:
                found[tag] = lower.find(f"<{tag}", pos)
        starts = [(at, tag) for tag, at in found.items() if at >= 0]
        if not starts:
            parts.append(html[pos:])
            break
        start, tag = min(starts)
        parts.append(html[pos:start])
        end = lower.find(f"</{tag}", start)
        close = lower.find(">", end) if end >= 0 else -1
        if close < 0:
            break
        pos = close + 1
    text = _BLOCK_TAG.sub("\x1e", "".join(parts))
    text = html_lib.unescape(re.sub(r"<[^<>]*>", " ", text))
    paras = (re.sub(r"\s+", " ", p).strip() for p in text.split("\x1e"))
    return "\n\n".join(p for p in paras if p)
