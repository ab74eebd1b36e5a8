"""The pipeline: one pure batch function over every stage, and the ingest loops that feed the store.

`process_batch` (articles -> results, no database) runs in one process or on Dask workers; the
ingest loops read inputs, skip unchanged articles, write results and rebuild the derived tables.
"""

from .batch import ArticleResult, process, process_batch

__all__ = ["ArticleResult", "process", "process_batch"]
