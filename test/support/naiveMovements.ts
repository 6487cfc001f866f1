/**
 * An independent, deliberately naive statement of DOMAIN.md §1–2 for the property tests: MRR per
 * customer on a day by scanning every record, dates compared as `YYYY-MM-DD` text, money as bigint
 * counts of 1/7200 of a currency unit (7200 = 100 cents × 72, and 72 is a multiple of every
 * "months per amount" the arbitraries generate: 1, 2, 3, 6, 9, 12, 24, 36).
 */
import type { Period } from "../../src/index.js";
import { type GeneratedContract, MONTHS_PER_INTERVAL, dateOfDay, dayOfDate } from "./contractArbitraries.js";

/** Units per currency unit of the naive oracle. */
export const NAIVE_DENOMINATOR = 7200n;

/** A record's MRR in 1/7200 currency units (the amount has at most 2 decimals). */
export function naiveMrrUnits(record: GeneratedContract): bigint {
  const [whole = "0", decimals = ""] = record.amount.split(".");
  const cents = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, "0"));
  if (record.interval === "week" || record.interval === "day") throw new Error("naiveMrrUnits: month, quarter and year only");
  const months = BigInt(MONTHS_PER_INTERVAL[record.interval] * record.intervalCount);
  return cents * (72n / months);
}

/** Whether a record is active on a day: start ≤ day < end. */
export function isActiveOn(record: GeneratedContract, date: string): boolean {
  return record.start <= date && (record.end === null || date < record.end);
}

/** Σ MRR units of the records active on a day. */
export function naiveUnitsOn(records: readonly GeneratedContract[], date: string): bigint {
  return records.reduce((sum, record) => (isActiveOn(record, date) ? sum + naiveMrrUnits(record) : sum), 0n);
}

/** One customer's period per DOMAIN.md §2. */
export interface NaiveRow {
  customerId: string;
  m0: bigint;
  m1: bigint;
  movement: "new" | "reactivation" | "expansion" | "contraction" | "churn" | "flat";
}

/** Rows of the customers with MRR at the start or the end of the period, by customer id. */
export function naiveRows(records: readonly GeneratedContract[], period: Period): NaiveRow[] {
  const dayBefore = dateOfDay(dayOfDate(period.start) - 1);
  const lastDay = dateOfDay(dayOfDate(period.end) - 1);
  const customerIds = [...new Set(records.map((record) => record.customerId))].sort();
  const rows: NaiveRow[] = [];
  for (const customerId of customerIds) {
    const own = records.filter((record) => record.customerId === customerId);
    const m0 = naiveUnitsOn(own, dayBefore);
    const m1 = naiveUnitsOn(own, lastDay);
    const hadBefore = own.some((record) => naiveMrrUnits(record) > 0n && record.start < period.start);
    let movement: NaiveRow["movement"];
    if (m0 === 0n && m1 === 0n) continue;
    else if (m0 === 0n) movement = hadBefore ? "reactivation" : "new";
    else if (m1 === 0n) movement = "churn";
    else if (m1 > m0) movement = "expansion";
    else if (m1 < m0) movement = "contraction";
    else movement = "flat";
    rows.push({ customerId, m0, m1, movement });
  }
  return rows;
}
