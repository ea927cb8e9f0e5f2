"""Quotes: who said what, direct (``"..."``) and indirect (``قال إن ...``).

One `Span` per quote over the quoted words (label ``QUOTE``) with attrs::

    speaker       canonical entity name, or None (an unnamed source: مصدر أمني)
    speaker_span  [start, end] of the speaker's mention (the explicit subject, or the mention the
                  speaker was resolved back to), or None
    speaker_text  when the speaker is None: the words naming the unnamed or untagged source after the
                  verb (``مصدر أمني``، ``وزارة الخارجية البريطانية``), else None
    kind          "direct" | "indirect"
    cue           [start, end] of the cue text, or None (a quote that continues a speaker's quote)

How a quote is found (all matching on a same-length folded text, see `rasd.enrich.lexmatch`):

1. *Speech verbs* (``data/quotes/speech_verbs.tsv``, with و/ف): قال، أكد، أضاف، أشار، أوضح…, feminine,
   plural and present forms, and participles (قائلا، مؤكدا، مشيرا); ``جاء/ورد في`` + a document noun
   (``data/quotes/document_nouns.txt``: the text speaks) and passive ``قيل``/``يقال`` (no speaker).  A verb
   after ``عدم``، the noun ``توقُّع`` and a name's ``ف+يرى`` are no cues.  After the verb, in the same
   sentence, the first of: a complementizer (``إن``، ``أن``، ``بأن``، ``إلى أن``، ``على أن`` + pronoun:
   ``أنها``) → indirect speech up to the end of the sentence or the next cue; an opening quote mark
   → a direct quote (verbs in ``indirect`` mode such as ``أشار`` or ``بين`` only take complementizers).
2. *Direct quotes* are paired per quote style (``" "``، ``“ ”``، ``« »``، ``' '``; reversed RTL pairs too).
   An opening mark that is not closed by the end of its paragraph continues into the next paragraph
   when that paragraph re-opens with a mark or closes one.  A quote needs a cue: a speech verb before
   it (``وقال التحالف في بيان، "..."``), a verb or source right after it (``"..."، قال الوزير``،
   ``"..."، بحسب الوزير``), or it opens the paragraph right after a paragraph with a quote.  A mark
   glued to a word (``بـ"دعم``), after a preposition or after a naming word (``بعنوان``، ``صحيفة``)
   quotes a term, not speech; a quote neither after punctuation nor right after its cue needs six
   words.  ``قال إن "..."`` is a direct quote.
3. *Speaker*: the first PER/ORG entity after the verb, stepping over titles (``وأكد وزير الخارجية
   الأميركي أنتوني بلينكن``) and time adverbs, stopping at prepositions (``وقال مصدر في الوزارة``
   has no entity speaker).  A bare title (``وقال الوزير``) takes the earlier PER whose ``role`` has
   that head word.  A bare cue (``وأضاف أن``، ``قائلا``) or an anaphor (``الأخير``) takes the last
   agent: the last quote speaker, speech-verb subject or sentence-initial subject before it (past a
   fronted adjunct: ``في المقابل، يؤيد X``), named at most two paragraphs back.  A relative pronoun
   (``والذي قال``) stands for the name before it; a title after a comma may precede the name
   (``قائد المركز، اللواء X``); PER mentions the entity layer split (``الفار كارلس`` + ``بيغديمونت``) are merged.

4. *Attributions* (``attribution.py``): ``نقل عن X قوله``، a trailing attribution with a verb of saying
   (``…، كما أفاد المرصد``، ``وفق ما ذكرت مصادر``), a leading ``وفق X فإن`` naming a source, and a ``وأنه``
   sentence continuing an indirect quote.  A bare ``بحسب X`` attributes a figure, not words.
5. *Speakers the entity layer missed* keep their words in ``speaker_text``: the noun phrase after the verb
   (``قالت نقابة الصحفيين اليمنيين``), a hashtag name after a title (``#سعد_الحريري``), the subject before
   an unprefixed verb (``لكن مسؤولا إقليميا أضاف أن``); a later bare cue inherits them, and a definite bare
   noun takes an earlier unnamed speaker of its head (``المصادر`` ← ``مصادر ميدانية``).  Bare surnames of
   people named in full (``ماي`` ← ``تيريزا ماي``) are speakers too.

The cue covers verb … subject (``وأشار بلينكن إلى أن``، ``وقال التحالف``) or, with no subject,
verb … quote (``وأضاف، `` / ``وقال إن``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.document import Article
from rasd.enrich.quotes.find import find_quotes
from rasd.enrich.quotes.lexicon import QuoteLexicon, load_quote_lexicon

__all__ = ["QuoteLexicon", "QuoteStage", "find_quotes", "load_quote_lexicon", "make_stage"]


@dataclass(frozen=True)
class QuoteStage:
    lexicon: QuoteLexicon
    name: str = "quotes"
    requires: tuple[str, ...] = ("sentences", "entities")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, article: Article) -> Article:
        return article.with_layer("quotes", find_quotes(article, self.lexicon))


def make_stage() -> QuoteStage:
    return QuoteStage(load_quote_lexicon())
