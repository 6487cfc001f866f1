/**
 * A fixed battery of computations whose JSON output must not depend on the process's time zone. Run
 * as a script (`node --import tsx battery.ts`) by timeZones.test.ts under several TZ values; it
 * prints one JSON document. Dates sit on leap days, month ends, fiscal-year edges and the days
 * clocks change (US DST 2025-03-09 / 2025-11-02; Pacific/Kiritimati is UTC+14).
 */
// Imports name the modules (not src/index.ts) so that the battery depends on the revenue code only.
import Decimal from "decimal.js";
import { fiscalQuarter, fiscalYear, month, monthsOf, quarter, year } from "../../../src/dates/period.js";
import { lostRevenue } from "../../../src/lostRevenue/lostRevenue.js";
import { formatMoney, formatPercent } from "../../../src/money/format.js";
import { cohortRetention } from "../../../src/revenue/cohortRetention.js";
import { contractBook } from "../../../src/revenue/contractBook.js";
import { mrrOn, mrrSeries } from "../../../src/revenue/mrr.js";
import { revenueMovements } from "../../../src/revenue/revenueMovements.js";
import { revenueReport } from "../../../src/revenue/revenueReport.js";

const records = [
  { id: "1", customerId: "acme", start: "2024-02-29", end: "2025-03-09", amount: "1200000", interval: "year" as const, currency: "JPY" },
  { id: "2", customerId: "acme", start: "2025-03-09", amount: "130000", currency: "JPY" },
  { id: "3", customerId: "zenith", start: "2024-01-31", end: "2025-11-02", amount: "300000", interval: "quarter" as const, currency: "JPY" },
  { id: "4", customerId: "kita", start: new Date("2024-04-01T00:00:00Z"), end: "2025-04-01", amount: "99999.5", currency: "JPY" },
  { id: "5", customerId: "minami", start: "2025-04-01", end: new Date("2025-12-31T23:59:59.999Z"), amount: 50000, currency: "JPY" },
  { id: "6", customerId: "kita", start: "2025-06-30", amount: "3600000", interval: "year" as const, intervalCount: 3, currency: "JPY" },
  { id: "7", customerId: "umi", start: "2023-12-31", end: "2024-01-01", amount: 1, currency: "JPY" },
  { id: "8", customerId: "umi", start: "2025-01-01", amount: "0.00000000000000000001", currency: "JPY" },
];

const book = contractBook(records);
const periods = [
  year(2024),
  year(2025),
  fiscalYear(2024, { startMonth: 4 }),
  fiscalYear(2025, { startMonth: 4 }),
  fiscalQuarter(2024, 4, { startMonth: 4 }),
  quarter(2025, 1),
  month("2024-02"),
  month(2025, 3),
  month(2025, 11),
  { start: "2025-03-09", end: "2025-11-02" },
  { start: "2024-02-29", end: "2024-03-01" },
];

const output = {
  tz: process.env.TZ ?? null,
  periods,
  months: monthsOf({ start: "2024-01-31", end: "2024-03-31" }),
  reports: periods.map((period) => revenueReport(book, period)),
  dayProration: periods.map((period) => lostRevenue(book, period, { proration: "day" })),
  movements: revenueMovements(book, fiscalYear(2025, { startMonth: 4 })),
  series: mrrSeries(book, { start: "2024-01-15", end: "2026-01-15" }),
  cohorts: cohortRetention(book, year(2024)),
  mrrOnDays: ["2024-02-28", "2024-02-29", "2024-03-01", "2025-03-08", "2025-03-09", "2025-11-01", "2025-11-02", "2025-12-31"].map((day) => mrrOn(book, day)),
  mrrOnDates: [new Date("2025-03-09T00:00:00Z"), new Date("2025-03-08T23:59:59.999Z"), new Date("2024-02-29T12:00:00+14:00")].map((date) => mrrOn(book, date)),
  formatted: [formatMoney("1800000", "JPY"), formatMoney("12345.675", "USD"), formatPercent("0.99"), formatPercent(new Decimal("-0.0005"), { decimals: 2, signed: true })],
};

process.stdout.write(JSON.stringify(output, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value)));
