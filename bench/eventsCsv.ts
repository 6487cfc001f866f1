/**
 * The benchmark's product events written as a CSV export (`customerId,userId,at,feature,count`): seeded,
 * the customers of the benchmark's contract rows (a few unknown ones too), up to 40 users each, dates
 * over 2025 with a few after it (the CLI reports them as future events), written in 1 MiB blocks.
 * Same seed and size, same file.
 * @module
 */
import { writeCsvLines } from "./csvFile.js";
import { seededRandom } from "./generateContracts.js";

/** Column order of the file. */
export const EVENT_COLUMNS = ["customerId", "userId", "at", "feature", "count"] as const;

const FEATURES = ["dashboards", "reports", "exports", "alerts", "api", "sso", "billing", "search"] as const;
const MS_PER_DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 0, 1) / MS_PER_DAY;
/** 2025-01-01 … 2026-01-10: the last ten days are after the snapshot date 2025-12-31. */
const DAYS = 375;

/**
 * Writes `count` seeded events to `file` for the customers `cus_000000 … cus_<customers − 1>` (the ids of
 * bench/generateContracts.ts); one event in 200 names a customer that has no contract line.
 */
export function writeEventsCsv(file: string, count: number, customers: number, seed = 7): void {
  const random = seededRandom(seed);
  const dates = Array.from({ length: DAYS }, (_, day) => new Date((FIRST_DAY + day) * MS_PER_DAY).toISOString().slice(0, 10));
  writeCsvLines(file, EVENT_COLUMNS, (function* () {
    for (let n = 0; n < count; n++) {
      const unknown = random() < 0.005;
      const customer = Math.floor(random() * customers);
      const customerId = unknown ? `zz_${customer.toString(36)}` : `cus_${customer.toString(36).padStart(6, "0")}`;
      const user = Math.floor(random() * random() * 40);
      // Later days more likely (activity grows over the year), so December's windows are busy.
      const day = Math.min(DAYS - 1, Math.floor(Math.sqrt(random()) * DAYS));
      const feature = random() < 0.3 ? "" : FEATURES[Math.floor(random() * FEATURES.length)]!;
      const events = random() < 0.2 ? String(1 + Math.floor(random() * 5)) : "";
      yield `${customerId},u${user},${dates[day]!},${feature},${events}`;
    }
  })());
}
