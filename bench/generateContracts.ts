/**
 * Seeded synthetic contract books for the benchmark: a realistic mix of monthly, quarterly and annual
 * plans, upsells (add-on lines), downgrades, churn and reactivation, in a JPY or a USD book.
 * The same seed and size always give the same rows.
 * @module
 */

/** One raw contract row, as a caller would pass it to `contractBook`. */
export interface RawContract {
  id: string;
  customerId: string;
  start: string;
  end?: string;
  amount: string | number;
  interval: "month" | "quarter" | "year";
  currency: string;
}

/** A small, fast, seeded PRNG (mulberry32): floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MS_PER_DAY = 86_400_000;
/** 2021-01-01 and 2026-12-31 as epoch days: the window contracts start in. */
const FIRST_DAY = Date.UTC(2021, 0, 1) / MS_PER_DAY;
const LAST_START_DAY = Date.UTC(2026, 5, 30) / MS_PER_DAY;

function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const daysInTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), daysInTarget));
  return Math.round(target.getTime() / MS_PER_DAY);
}

const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/**
 * `count` contract rows of one currency. JPY amounts are whole-yen numbers; USD amounts are strings
 * with cents (`"1234.56"`), the two input forms callers use most.
 */
export function generateContracts(count: number, currency: "JPY" | "USD", seed = 42): RawContract[] {
  return [...contractRows(count, currency, seed)];
}

/** The rows of {@link generateContracts}, produced lazily (for streaming). */
export function* contractRows(count: number, currency: "JPY" | "USD", seed = 42): Generator<RawContract> {
  const random = seededRandom(seed);
  let produced = 0;
  let rows: RawContract[] = [];
  const pick = (n: number): number => Math.floor(random() * n);
  const amountOf = (monthly: number, interval: RawContract["interval"]): string | number => {
    const total = monthly * MONTHS[interval];
    return currency === "JPY" ? Math.round(total / 100) * 100 : (Math.round(total * 100) / 100).toFixed(2);
  };
  let customerNumber = 0;
  while (produced < count) {
    yield* rows;
    rows = [];
    const customerId = `cus_${(customerNumber++).toString(36).padStart(6, "0")}`;
    let lineNumber = 0;
    const push = (start: number, end: number | null, monthly: number, interval: RawContract["interval"]): void => {
      if (produced >= count) return;
      const row: RawContract = {
        id: `${customerId}-${lineNumber++}`,
        customerId,
        start: isoDay(start),
        amount: amountOf(monthly, interval),
        interval,
        currency,
      };
      if (end !== null) row.end = isoDay(end);
      rows.push(row);
      produced++;
    };
    // Start: 70% on the 1st of a month, the rest on any day.
    let day = FIRST_DAY + pick(LAST_START_DAY - FIRST_DAY);
    if (random() < 0.7) day = addMonths(day - new Date(day * MS_PER_DAY).getUTCDate() + 1, 0);
    const planRoll = random();
    const interval: RawContract["interval"] = planRoll < 0.55 ? "month" : planRoll < 0.62 ? "quarter" : "year";
    // Monthly value: log-uniform from ¥10,000 / $80 to ¥2,000,000 / $16,000.
    let monthly = (currency === "JPY" ? 10_000 : 80) * Math.exp(random() * Math.log(200));
    const termMonths = MONTHS[interval] === 1 ? 1 + pick(36) : MONTHS[interval] * (1 + pick(4));
    let segmentEnd = addMonths(day, termMonths);
    let active = true;
    // Follow the customer through renewals and changes until it churns for good or passes 2026.
    for (let step = 0; step < 12 && active && produced < count; step++) {
      const roll = random();
      const lastSegment = segmentEnd > LAST_START_DAY + 365;
      if (roll < 0.12 || lastSegment) {
        // Open-ended or a final term that has not ended yet.
        push(day, lastSegment ? null : segmentEnd, monthly, interval);
        active = false;
        if (!lastSegment && random() < 0.3) {
          // Reactivation a few months after churning.
          const back = addMonths(segmentEnd, 2 + pick(10));
          if (back < LAST_START_DAY) push(back, null, monthly * (0.5 + random()), interval);
        }
        break;
      }
      push(day, segmentEnd, monthly, interval);
      if (roll < 0.3) {
        // Upsell: an add-on line for part of the next term.
        const addOnStart = addMonths(segmentEnd, pick(3));
        push(addOnStart, random() < 0.5 ? null : addMonths(addOnStart, 1 + pick(12)), monthly * (0.1 + random() * 0.5), "month");
      } else if (roll < 0.4) {
        monthly *= 0.5 + random() * 0.4; // downgrade at renewal
      } else if (roll < 0.55) {
        monthly *= 1.05 + random() * 0.5; // upgrade at renewal
      }
      day = segmentEnd;
      segmentEnd = addMonths(day, MONTHS[interval] === 1 ? 1 + pick(24) : MONTHS[interval] * (1 + pick(3)));
    }
  }
  yield* rows;
}
