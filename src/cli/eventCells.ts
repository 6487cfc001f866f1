/**
 * A product-events CSV row read into the usage state as it is scanned: the cells are the event's
 * fields, no record is built unless the row needs the schema.
 * @module
 */
import type { UsageState } from "../usage/usageState.js";
import { type CsvRecordHandler, csvRowToRecord } from "./csvRecords.js";
import { EVENTS_CSV } from "./inputShapes.js";

/** The event fields a CSV row's cells are read into, in `UsageState.addFields` order. */
const EVENT_FIELDS = ["customerId", "userId", "at", "feature", "count"] as const;

const WHOLE_NUMBER = /^\d+$/;

/**
 * Hands each CSV row's cells to the usage state as an event's fields, without building a record —
 * as the record `csvRowToRecord` would build: a blank cell is absent, a `count` of digits a number;
 * any other count, and every event the state's fast check refuses, goes through that record.
 */
export function eventCells(state: UsageState): CsvRecordHandler {
  let header: readonly string[] | undefined;
  let columns: number[] = [];
  return (names, cells) => {
    if (names !== header) {
      header = names;
      columns = EVENT_FIELDS.map((field) => names.indexOf(field));
    }
    const count = cellAt(cells, columns[4]!);
    const fields = state.addFields(
      cellAt(cells, columns[0]!),
      cellAt(cells, columns[1]!),
      cellAt(cells, columns[2]!),
      cellAt(cells, columns[3]!),
      count !== undefined && WHOLE_NUMBER.test(count) ? Number(count) : count,
    );
    if (!fields) state.add(csvRowToRecord(names, cells, EVENTS_CSV));
  };
}

/** Cell `column` (−1: no such column) as `csvRowToRecord` reads it: blank is absent. */
function cellAt(cells: readonly string[], column: number): string | undefined {
  if (column < 0) return undefined;
  const text = cells[column]!;
  // Blank as csvRowToRecord has it (String#trim: ASCII and Unicode white space), tested only when it may be.
  const first = text.charCodeAt(0);
  return text === "" || ((first <= 32 || first >= 128) && text.trim() === "") ? undefined : text;
}
