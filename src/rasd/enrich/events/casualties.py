"""Killed and wounded: the quantities layer's counts in an event's sentence, by unit or casualty word.

Counts spelled without a number are quantities too (`rasd.enrich.quantity_duals`), so ``قتل شخصان``
gives killed 2, ``مقتل جنديين وإصابة ثلاثة آخرين`` killed 2 and wounded 3, ``سقط قتيلان وجريح`` 2 and 1.
"""

from __future__ import annotations

from typing import Any

from rasd.document import Span
from rasd.enrich.events.context import SentenceContext
from rasd.enrich.events.lexicon import BARE_COUNT_FOLLOWERS, HARAKAT, PUNCT


class CasualtyRules(SentenceContext):
    """Killed/wounded totals and qualifiers of sentences."""

    # -- casualties ------------------------------------------------------------------------
    def casualties(self, sentence_ids: list[int]) -> tuple[tuple[int | None, str | None], tuple[int | None, str | None]]:
        totals: dict[str, list[Any]] = {"killed": [None, None], "wounded": [None, None]}
        for i in sentence_ids:
            role_before: str | None = None
            for q in self.spans_in(self.quantities, i):
                unit = str(q.attrs.get("unit", ""))
                role = unit if unit in ("killed", "wounded") else None
                if role is None and unit in ("people", "soldiers", "civilians", "children", "women", "fighters"):
                    role = self._casualty_role(q, self.sentences[i].start) or (role_before if self._joined(q) else None)
                elif role is None and q.attrs.get("unit") is None:
                    role = self._bare_count_role(q)
                role_before = role
                value = q.attrs.get("value")
                if role is None or not isinstance(value, int | float):
                    continue
                slot = totals[role]
                slot[0] = (slot[0] or 0) + int(value)
                slot[1] = slot[1] or q.attrs.get("qualifier")
        return (totals["killed"][0], totals["killed"][1]), (totals["wounded"][0], totals["wounded"][1])

    def _bare_count_role(self, q: Span) -> str | None:
        """A count with no unit right after a casualty word (``وإصابة 6 آخرين``، ``قتل خلالها 8 من
        الحوثيين``): that word's role.  Further back, a bare number is too often something else."""
        after = self.folded[q.end : q.end + 12].split()[:1]
        before = [w.strip(PUNCT) for w in self.folded[max(0, q.start - 30) : q.start].split()[-2:]]
        if not before or (after and after[0].strip(PUNCT) not in BARE_COUNT_FOLLOWERS and len(before) > 1
                          and before[-1] not in self.lex.casualty_words):
            return None
        for w in reversed(before):
            w = w.translate(HARAKAT)
            for cand in (w, w[1:] if w[:1] in "وفب" else w):
                if cand in self.lex.casualty_words:
                    return self.lex.casualty_words[cand]
        return None

    def _casualty_role(self, q: Span, floor: int = 0) -> str | None:
        before = self.folded[max(floor, q.start - 80) : q.start].split()[-8:]  # nearest casualty word wins
        for w in reversed(before):
            w = w.strip(PUNCT).translate(HARAKAT)  # قُتل → قتل
            for cand in (w, w[1:] if w[:1] in "وفب" else w):
                if cand in self.lex.casualty_words:
                    return self.lex.casualty_words[cand]
        return None

    def _joined(self, q: Span) -> bool:
        before = self.folded[max(0, q.start - 3) : q.start]
        return before.endswith("و") or before.endswith("و ")

    def _set_casualties(self, a: dict[str, Any], sentence_ids: list[int]) -> None:
        (k, kq), (w, wq) = self.casualties(sentence_ids)
        a["killed"], a["killed_qualifier"], a["wounded"], a["wounded_qualifier"] = k, kq, w, wq
