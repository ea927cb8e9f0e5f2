"""Named Arabic character classes (after camel-tools' ``utils/charsets``).

Everything here is a constant; normalization and tokenization build on these names.
"""

from __future__ import annotations

#: Harakat, tanwin, shadda, sukun, superscript alef and the combining hamza/maddah marks.
DIACRITICS_AR = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656"
                          "\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
                          "\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3"
                          "\u06e4\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed\u08f0\u08f1\u08f2")
TATWEEL = "\u0640"
#: Zero-width and direction marks that scrapers leave inside words.
INVISIBLES = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068"
                       "\u2069\ufeff\u00ad")

ALEF_PLAIN = "\u0627"  # ا
ALEF_FORMS = "\u0623\u0625\u0622\u0671\u0672\u0673\u0675"  # أ إ آ ٱ ...
ALEF_MAQSURA = "\u0649"  # ى
YEH = "\u064a"  # ي
YEH_FORMS = "\u06cc\u06d0\u06d2\u0620"  # ی (Farsi yeh), ې, ے, ؠ
TEH_MARBUTA = "\u0629"  # ة
HEH = "\u0647"  # ه
HEH_FORMS = "\u06d5\u06c1\u06be"  # ە ہ ھ
HEH_GOAL_HAMZA = "\u06c0\u06c2"  # ۀ ۂ (heh with yeh/hamza above, Persian ezafe)
KAF = "\u0643"  # ك
KAF_FORMS = "\u06a9\u06aa\u06ac"  # ک (keheh), ڪ, ڬ
WAW_HAMZA = "\u0624"  # ؤ
YEH_HAMZA = "\u0626"  # ئ
HAMZA = "\u0621"  # ء

DIGITS_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
DIGITS_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
DIGITS_WESTERN = "0123456789"
ARABIC_DECIMAL_SEPARATOR = "\u066b"  # ٫
ARABIC_THOUSANDS_SEPARATOR = "\u066c"  # ٬
ARABIC_PERCENT = "\u066a"  # ٪

ARABIC_COMMA = "\u060c"  # ،
ARABIC_SEMICOLON = "\u061b"  # ؛
ARABIC_QUESTION = "\u061f"  # ؟
ARABIC_FULL_STOP = "\u06d4"  # ۔
PUNCTUATION_AR = frozenset("\u060c\u061b\u061f\u066a\u066b\u066c\u066d\u06d4\u060d\u061e")

#: Code point ranges of Arabic letters (base, supplement, extended-A) — not digits or punctuation.
ARABIC_LETTER_RANGES = (
    ("\u0620", "\u063f"),
    ("\u0641", "\u064a"),
    ("\u066e", "\u066f"),
    ("\u0671", "\u06d3"),
    ("\u06d5", "\u06d5"),
    ("\u06ee", "\u06ef"),
    ("\u06fa", "\u06ff"),
    ("\u0750", "\u077f"),
    ("\u08a0", "\u08c9"),
)
#: Presentation forms (ligatures and contextual shapes) that NFKC maps back to plain letters.
PRESENTATION_FORM_RANGES = (("\ufb50", "\ufdff"), ("\ufe70", "\ufeff"))

QUOTE_OPEN = "\"«“„‘'"
QUOTE_CLOSE = "\"»”‟’'"
