/**
 * What each column of a Parquet file holds, read from its schema (physical type plus logical or
 * converted annotation), and the schema handed to the decoder with the DECIMAL, DATE, TIMESTAMP,
 * JSON and ENUM annotations removed, so those values reach us raw (unscaled integers, day counts,
 * ticks, bytes) and are converted exactly here instead of through a JavaScript float or a `Date`.
 * @module
 */
import type { FileMetaData, SchemaElement } from "hyparquet";

/** A time unit of a Parquet TIMESTAMP: ticks per millisecond. */
export type TicksPerMs = 1n | 1_000n | 1_000_000n;

/** How one column's values become record values. */
export type ColumnKind =
  | { readonly kind: "text" }
  | { readonly kind: "number" }
  | { readonly kind: "integer" }
  | { readonly kind: "boolean" }
  | { readonly kind: "decimal"; readonly scale: number }
  | { readonly kind: "date" }
  | { readonly kind: "timestamp"; readonly ticksPerMs: TicksPerMs; readonly utc: boolean }
  | { readonly kind: "int96" };

/** A column of the file: its name as written and how its values are read. */
export interface ParquetColumn {
  readonly name: string;
  readonly type: ColumnKind;
}

/** The columns of a file, or why one of them cannot be read. */
export type ColumnsOrProblem = { readonly columns: readonly ParquetColumn[]; readonly metadata: FileMetaData } | { readonly column: string; readonly problem: string };

const TICKS: Readonly<Record<string, TicksPerMs>> = { MILLIS: 1n, MICROS: 1_000n, NANOS: 1_000_000n };

/** The kind of a leaf column, or a sentence saying why it is not read. */
function kindOf(element: SchemaElement): ColumnKind | string {
  const logical = element.logical_type;
  const converted = element.converted_type;
  if (logical?.type === "DECIMAL" || converted === "DECIMAL") return { kind: "decimal", scale: logical?.type === "DECIMAL" ? logical.scale : (element.scale ?? 0) };
  if (logical?.type === "DATE" || converted === "DATE") return { kind: "date" };
  if (logical?.type === "TIMESTAMP") return { kind: "timestamp", ticksPerMs: TICKS[logical.unit]!, utc: logical.isAdjustedToUTC };
  // The legacy annotations are UTC-adjusted by definition.
  if (converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS") return { kind: "timestamp", ticksPerMs: converted === "TIMESTAMP_MILLIS" ? 1n : 1_000n, utc: true };
  const unsupported = logical?.type ?? converted;
  if (unsupported !== undefined && ["TIME", "TIME_MILLIS", "TIME_MICROS", "INTERVAL", "BSON", "MAP", "LIST", "VARIANT", "GEOMETRY", "GEOGRAPHY", "FILE", "NULL"].includes(unsupported)) {
    return `its Parquet type ${unsupported} holds no value cs-metrics reads`;
  }
  switch (element.type) {
    case "BOOLEAN":
      return { kind: "boolean" };
    case "INT32":
    case "INT64":
      return { kind: "integer" };
    case "FLOAT":
    case "DOUBLE":
      return { kind: "number" };
    case "INT96":
      return { kind: "int96" };
    case "BYTE_ARRAY":
      return { kind: "text" };
    case "FIXED_LEN_BYTE_ARRAY":
      return logical?.type === "UUID" ? { kind: "text" } : logical?.type === "FLOAT16" ? { kind: "number" } : "it holds fixed-length bytes (not text, a number or a date)";
    default:
      return `its Parquet type ${String(element.type)} is not one cs-metrics reads`;
  }
}

/** Annotations whose decoding we do ourselves (exactly): the decoder sees the bare physical type. */
const READ_RAW = new Set(["DECIMAL", "DATE", "TIMESTAMP", "TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "JSON", "ENUM"]);

function bare(element: SchemaElement): SchemaElement {
  const annotation = element.logical_type?.type ?? element.converted_type;
  if (annotation === undefined || !READ_RAW.has(annotation)) return element;
  const { logical_type: _logical, converted_type: _converted, ...rest } = element;
  return rest;
}

/**
 * The file's columns (flat ones only: a group — struct, list or map — is a problem) and the metadata to
 * decode them with.
 */
export function parquetColumns(metadata: FileMetaData): ColumnsOrProblem {
  const [root, ...elements] = metadata.schema;
  const columns: ParquetColumn[] = [];
  for (const element of elements) {
    if (element.num_children !== undefined && element.num_children > 0) return { column: element.name, problem: "it is a group (struct, list or map); cs-metrics reads flat columns" };
    if (element.repetition_type === "REPEATED") return { column: element.name, problem: "it is a repeated (list) column; cs-metrics reads flat columns" };
    const type = kindOf(element);
    if (typeof type === "string") return { column: element.name, problem: type };
    columns.push({ name: element.name, type });
  }
  return { columns, metadata: { ...metadata, schema: [root!, ...elements.map(bare)] } };
}
