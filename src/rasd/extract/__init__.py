"""RawPage → Article: headline, publish time, views, outlet, body paragraphs and boilerplate.

>>> from rasd.extract import extract_article
"""

from rasd.extract.core import extract_article

__all__ = ["extract_article"]
