"""Streaming writers: each takes an Arrow `RecordBatchReader` and writes it batch by batch, so memory holds
one batch (plus DuckDB's own buffers) whatever the number of rows. Each returns the rows written."""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

if TYPE_CHECKING:
    import pyarrow.parquet as pq

__all__ = ["write_tsv", "write_csv", "write_lines", "write_parquet", "write_parquet_months"]


def _plain(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Text fit for an unquoted TSV: tabs and line breaks become spaces, double quotes single ones.

    GDELT and ICEWS files are read with plain tab splitting; a quote mark would start a quoted field
    in pandas' default reader, and a tab or a line break would shift every column after it.
    """
    columns = []
    for column in batch.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            column = pc.replace_substring(pc.replace_substring_regex(column, r"[\t\r\n]+", " "), '"', "'")
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, schema=batch.schema)


def _copy(reader: pa.RecordBatchReader, writer: pacsv.CSVWriter | pq.ParquetWriter,
          convert: Callable[[pa.RecordBatch], pa.RecordBatch] | None = None) -> int:
    """Write every batch of `reader` (converted, if asked) with `writer`; the rows written."""
    rows = 0
    for batch in reader:
        writer.write_batch(convert(batch) if convert else batch)
        rows += batch.num_rows
    return rows


def write_tsv(reader: pa.RecordBatchReader, path: Path, *, header: bool) -> int:
    """Tab-separated, unquoted, empty for null: the layout GDELT and ICEWS ship (the header, when asked
    for, unquoted too: Arrow's writer would quote the names)."""
    options = pacsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    with pa.OSFile(str(path), "wb") as sink:
        if header:
            sink.write(("\t".join(reader.schema.names) + "\n").encode("utf-8"))
        with pacsv.CSVWriter(sink, reader.schema, write_options=options) as writer:
            return _copy(reader, writer, _plain)


def write_csv(reader: pa.RecordBatchReader, path: Path) -> int:
    """RFC 4180 CSV with a header, values quoted where needed."""
    with pacsv.CSVWriter(str(path), reader.schema) as writer:
        return _copy(reader, writer)


def write_lines(reader: pa.RecordBatchReader, path: Path) -> int:
    """The texts of a one-column reader, each already ending in its line break (JSON Lines), written
    straight from Arrow's buffer: no Python string per row."""
    rows = 0
    with path.open("wb") as out:
        for batch in reader:
            texts = batch.column(0)
            if len(texts):
                width = "q" if pa.types.is_large_string(texts.type) else "i"
                offsets = texts.buffers()[1]
                start, end = (struct.unpack_from(f"<{width}", offsets, struct.calcsize(width) * i)[0]
                              for i in (texts.offset, texts.offset + len(texts)))
                out.write(memoryview(texts.buffers()[2])[start:end])
            rows += len(texts)
    return rows


def write_parquet(reader: pa.RecordBatchReader, path: Path) -> int:
    """One Parquet file, one row group per batch."""
    import pyarrow.parquet as pq

    with pq.ParquetWriter(str(path), reader.schema) as writer:
        return _copy(reader, writer)


def write_parquet_months(reader: pa.RecordBatchReader, folder: Path) -> tuple[int, int]:
    """A Parquet dataset partitioned by the reader's ``month`` column, hive-style (``month=2024-06/``):
    pandas, DuckDB, Spark and R's arrow read the folder as one table with ``month`` restored.
    Returns (rows, files)."""
    import pyarrow.dataset as ds

    counted = [0]

    def batches() -> Iterator[pa.RecordBatch]:
        for batch in reader:
            counted[0] += batch.num_rows
            yield batch

    written: list[str] = []
    partitioning = ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive")
    ds.write_dataset(batches(), str(folder), schema=reader.schema, format="parquet", partitioning=partitioning,
                     basename_template="part-{i}.parquet", existing_data_behavior="delete_matching",
                     preserve_order=True, file_visitor=lambda f: written.append(f.path))
    return counted[0], len(written)
