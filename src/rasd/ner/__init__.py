"""Arabic named entities: a CRF tagger trained on ANERcorp, gazetteers, canonical entities.

>>> tag_entities(["أعلن", "وزير", "الخارجية", "الأميركي", "أنتوني", "بلينكن"])
['O', 'O', 'O', 'O', 'B-PERS', 'I-PERS']
"""

from __future__ import annotations

from rasd.ner.canonical import summarize_entities
from rasd.ner.tagger import Tagger, default_tagger, tag_entities

__all__ = ["Tagger", "default_tagger", "summarize_entities", "tag_entities"]
