"""Stage 1-3: read files into `Article`s, clean their debris in place, parse them with spaCy.

Offsets survive every step: cleaning blanks debris with spaces instead of cutting it, so an offset
into the parsed text is an offset into the raw text.
"""

from .analyse import MODEL_PACKAGE, hyphenated_modifier, names_a_pair, nlp, parse
from .clean import Cleaned, Removal, clean
from .doc_index import doc_text, index_doc, sentence_chars, span_memo
from .read import MAX_BYTES, article_from_text, iter_articles

__all__ = ["MAX_BYTES", "MODEL_PACKAGE", "Cleaned", "Removal", "article_from_text", "clean", "doc_text", "hyphenated_modifier", "index_doc",
           "names_a_pair",
           "iter_articles", "nlp", "parse", "sentence_chars", "span_memo"]
