"""Which outlet published a page, and the words that say so.

Evidence, most reliable first:

1. a source hint (``--source``, a JSONL ``src`` field), mapped through ``outlets.tsv`` when known;
2. the URL's host in ``outlets.tsv`` (``youm7.com`` → ``اليوم السابع``);
3. page metadata (``og:site_name``, JSON-LD ``publisher.name``) — HTML only, passed in by the caller;
4. a self-reference in the body: ``تلقى NRT عربية نسخة منه``, ``حصلت الصحيفة على نسخة منه``;
5. a dateline opening the first paragraph: ``بغداد (رويترز) -``, ``(CNN) --``.

>>> find_outlet(["وقال التحالف في بيان تلقى NRT عربية نسخة منه، إن القوات باقية"])
('NRT عربية', 'تلقى NRT عربية نسخة منه')
>>> find_outlet(["بغداد (رويترز) - قال مسؤولون إن ..."])
('رويترز', 'بغداد (رويترز) -')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from rasd.extract.lexicon import load_lexicon

__all__ = ["find_outlet", "outlet_from_hint", "outlet_from_url"]

_NAME = r"(?P<o>[^\s،,.:؛\"«»()\n][^،,.:؛\"«»()\n]{1,38}?)"
_SELF_REFERENCES = (
    re.compile(r"(?:تلقى|تلقت|تلقّت|تسلم|تسلمت|تسلّمت|تلقي)\s+" + _NAME + r"\s+نسخ[ةه]\s+(?:منه|منها|عنه|عنها)"),
    re.compile(r"(?:حصل|حصلت)\s+" + _NAME + r"\s+على\s+نسخ[ةه]\s+(?:منه|منها|عنه|عنها)"),
    re.compile(r"(?:اطلعت|اطّلعت|اطلع|اطّلع)\s+(?:عليه|عليها)\s+" + _NAME + r"(?=\s*[،,.]|\s+(?:وجاء|وقال|وتضمن))"),
)
_DATELINE = re.compile(
    r"^(?:(?P<place>[^()\n\-–—]{2,40}?)\s*)?\((?P<o>[^()\n]{2,30})\)\s*(?:-{1,2}|–|—|:)"
)
_NOT_OUTLETS = frozenset({"الصحيفة", "الوكالة", "الموقع", "القناة", "الصحيفه", "الوكاله", "القناه", "صحيفتنا", "موقعنا"})


def outlet_from_hint(hint: str) -> tuple[str, str]:
    """A source hint as an outlet name: an alias (``skynews``) or a domain (``www.rudaw.net``) in the table.

    >>> outlet_from_hint("www.rudaw.net")
    ('روداو', 'source: www.rudaw.net')
    """
    hint = hint.strip()
    lex = load_lexicon()
    name = lex.outlet_for(hint)
    if name is None and "." in hint and " " not in hint:
        host = urlsplit(hint if "://" in hint else "//" + hint).hostname or ""
        found = lex.outlet_for_host(host) if host else None
        name = found[1] if found else None
    return (name or hint), f"source: {hint}"


def outlet_from_url(url: str) -> tuple[str, str] | None:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    found = load_lexicon().outlet_for_host(host) if host else None
    if found is None:
        return None
    return found[1], f"url: {host}"


def _word_count_ok(name: str) -> bool:
    return 1 <= len(name.split()) <= 4 and name not in _NOT_OUTLETS


def find_outlet(
    paragraphs: Sequence[str], *, url: str | None = None, hint: str | None = None,
    site_name: str | None = None,
) -> tuple[str | None, str | None]:
    """(outlet, evidence) from the strongest evidence available, or (None, None)."""
    if hint and hint.strip():
        return outlet_from_hint(hint)
    if url:
        found = outlet_from_url(url)
        if found:
            return found
    if site_name and site_name.strip() and "://" not in site_name:
        return site_name.strip(), f"site name: {site_name.strip()}"
    head = paragraphs[:6]
    for para in head:
        for pattern in _SELF_REFERENCES:
            m = pattern.search(para)
            if m and _word_count_ok(m.group("o").strip()):
                return m.group("o").strip(), m.group(0)
    if head:
        m = _DATELINE.match(head[0].strip())
        if m:
            name = m.group("o").strip()
            mapped = load_lexicon().outlet_for(name)
            if mapped or _word_count_ok(name):
                return (mapped or name), m.group(0).strip()
    return None, None
