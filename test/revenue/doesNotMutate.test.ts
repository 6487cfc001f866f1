import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  type ContractInput,
  type PeriodInput,
  ContractSchema,
  arpa,
  arrOn,
  asp,
  cacPayback,
  customerConcentration,
  ltv,
  quickRatio,
  revenueSeries,
  cohortRetention,
  compoundRate,
  contractBook,
  contractBookFromAsyncIterable,
  contractBookFromIterable,
  contractionRate,
  expansionRate,
  formatMoney,
  formatPercent,
  grossRevenueChurnRate,
  grr,
  logoChurnRate,
  logoRetentionRate,
  lostRevenue,
  mergePeriodPartials,
  monthsOf,
  mrrOn,
  mrrSeries,
  netLogoChurnRate,
  netRevenueChurnRate,
  nrr,
  periodPartial,
  revenueChurnRate,
  revenueMovements,
  revenueReport,
  revenueReportFromPartial,
} from "../../src/index.js";
import { deepFreeze } from "../support/deepFreeze.js";

/** Fresh records of every input form: text and Date dates, string, number and Decimal amounts, optional fields. */
function makeRecords(): ContractInput[] {
  return [
    { id: "1", customerId: "b", start: "2024-01-01", end: "2025-05-01", amount: "100.50", currency: "USD", product: "BI", seats: 3 },
    { id: "2", customerId: "a", start: new Date("2024-03-01T00:00:00Z"), end: null, amount: new Decimal(1200), interval: "year", currency: "USD" },
    { id: 3, customerId: "a", start: "2025-02-10", amount: 30, interval: "quarter", intervalCount: 2, currency: "USD" },
    { id: "4", customerId: "c", start: "2023-01-01", end: new Date("2024-01-01T00:00:00Z"), amount: 10, currency: "USD" },
    { id: "5", customerId: "c", start: "2025-03-01", amount: "0", currency: "USD", plan: "free" },
  ];
}

function makePeriod(): PeriodInput {
  return { start: new Date("2025-01-01T00:00:00Z"), end: "2026-01-01", label: "2025" };
}

/** Text of a value, Decimals, Dates and bigints included, to compare before and after. */
const snapshot = (value: unknown): string => JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `${item}n` : item));

type RecordsFunction = (records: readonly ContractInput[], period: PeriodInput) => unknown;

const byPeriod: Record<string, RecordsFunction> = {
  contractBook: (records) => contractBook(records),
  mrrOn: (records) => mrrOn(records, new Date("2025-03-31T00:00:00Z")),
  arrOn: (records) => arrOn(records, "2025-03-31"),
  mrrSeries,
  revenueMovements,
  nrr,
  grr,
  expansionRate,
  contractionRate,
  revenueChurnRate,
  grossRevenueChurnRate,
  netRevenueChurnRate: (records, period) => netRevenueChurnRate(records, period, deepFreeze({ subtractReactivation: true })),
  logoChurnRate,
  logoRetentionRate,
  netLogoChurnRate,
  lostRevenue: (records, period) => lostRevenue(records, period, deepFreeze({ proration: "day" as const })),
  cohortRetention,
  cohortRetentionAtConversion: (records, period) => cohortRetention(records, period, deepFreeze({ base: "conversion" as const })),
  arpa: (records) => arpa(records, new Date("2025-03-31T00:00:00Z")),
  asp,
  quickRatio: (records, period) => quickRatio(records, period, deepFreeze({ includeReactivation: true })),
  ltv: (records) => ltv(records, deepFreeze({ start: "2025-03-01", end: new Date("2025-04-01T00:00:00Z") }), deepFreeze({ trailingMonths: 3, grossMargin: new Decimal("0.8") })),
  cacPayback: (records, period) => cacPayback(records, period, deepFreeze({ cac: new Decimal(1000), grossMargin: "0.8" })),
  customerConcentration: (records) => customerConcentration(records, "2025-03-31", deepFreeze({ top: [1, 2] })),
  revenueSeries: (records, period) => revenueSeries(records, period, deepFreeze({ every: "quarter" as const, window: 12, proration: "day" as const })),
  revenueReport: (records, period) => revenueReport(records, period, deepFreeze({ proration: "month" as const, subtractReactivation: true })),
  "ContractSchema.parse": (records) => records.map((record) => ContractSchema.parse(record)),
  contractBookFromIterable: (records) => contractBookFromIterable(records, deepFreeze({ currency: "USD" })),
  periodPartial: (records, period) => periodPartial(records, period, deepFreeze({ proration: "day" as const })),
  monthsOf: (_records, period) => monthsOf(period),
};

describe("does not mutate its input", () => {
  for (const [name, run] of Object.entries(byPeriod)) {
    it(`${name}: frozen inputs are accepted and left as they were`, () => {
      const records = makeRecords();
      const period = makePeriod();
      const before = snapshot({ records, period });
      const dates = [records[1]!.start as Date, records[3]!.end as Date, period.start as Date].map((date) => date.getTime());
      // Frozen records, period and options: any write would throw in the library's strict-mode code.
      run(deepFreeze(records), deepFreeze(period));
      expect(snapshot({ records, period })).toBe(before);
      expect([records[1]!.start as Date, records[3]!.end as Date, period.start as Date].map((date) => date.getTime())).toEqual(dates);
    });
  }

  it("a book passed to a metric is reused as is, and the metric's result does not alias the records", () => {
    const records = makeRecords();
    const book = contractBook(records);
    const before = snapshot(book);
    revenueReport(book, makePeriod());
    mrrSeries(book, makePeriod());
    expect(snapshot(book)).toBe(before);
    // the book holds its own validated copies, not the caller's objects
    expect(book.contracts[0]).not.toBe(records[0]);
    (records[0] as { amount: unknown }).amount = "999999";
    expect(book.contracts[0]?.amount.toString()).toBe("100.5");
  });

  it("contractBookFromAsyncIterable: frozen records are left as they were", async () => {
    const records = makeRecords();
    const before = snapshot(records);
    async function* stream(): AsyncGenerator<ContractInput> {
      yield* deepFreeze(records);
    }
    await contractBookFromAsyncIterable(stream());
    expect(snapshot(records)).toBe(before);
  });

  it("mergePeriodPartials and revenueReportFromPartial leave the partials alone", () => {
    const records = makeRecords();
    const partials = deepFreeze([periodPartial(records.slice(0, 3), makePeriod()), periodPartial(records.slice(3), makePeriod())]);
    const before = snapshot(partials);
    const merged = deepFreeze(mergePeriodPartials(partials));
    const mergedBefore = snapshot(merged);
    revenueReportFromPartial(merged, deepFreeze({ subtractReactivation: true }));
    expect(snapshot(partials)).toBe(before);
    expect(snapshot(merged)).toBe(mergedBefore);
  });

  it("compoundRate and the formatters leave their option objects alone", () => {
    const options = deepFreeze({ from: "month" as const, to: "year" as const });
    compoundRate(new Decimal("0.99"), options);
    expect(options).toEqual({ from: "month", to: "year" });
    const percentOptions = deepFreeze({ decimals: 2, locale: "ja-JP", signed: true });
    formatPercent("0.5", percentOptions);
    formatMoney("1", "JPY", deepFreeze({ locale: "ja-JP" }));
    expect(percentOptions).toEqual({ decimals: 2, locale: "ja-JP", signed: true });
  });
});
