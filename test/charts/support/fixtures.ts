/**
 * Deterministic chart fixtures at realistic sizes: a seeded generator (the same data on every run and
 * machine; the benchmark's mulberry32) of usage snapshots for the quadrant, contracts for 36 monthly cohorts, and 36 months of
 * health bands, each put through the library's own functions.
 */
import { seededRandom } from "../../../bench/generateContracts.js";
import type { BandDistributionPoint } from "../../../src/charts/index.js";
import {
  type CohortRetention,
  type ContractInput,
  type CustomerConcentration,
  type RevenueSeries,
  type QuadrantCustomer,
  type UsageSnapshotInput,
  cohortRetention,
  customerConcentration,
  goodMinusBad,
  priorityQuadrant,
  revenueMovements,
  revenueSeries,
  year,
} from "../../../src/index.js";

/**
 * A small hand-checked bridge — a 100 from 2024 (stays), b 40 ending 2025-05-01 (churn), c 25 from
 * 2025-02-01 (new), year 2025: starting 100 + 40 = 140, new +25, churn −40, ending 125 (USD).
 */
export function smallMovements() {
  return revenueMovements(
    [
      { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
      { id: "2", customerId: "b", start: "2024-01-01", end: "2025-05-01", amount: 40, currency: "USD" },
      { id: "3", customerId: "c", start: "2025-02-01", amount: 25, currency: "USD" },
    ],
    year(2025),
  );
}

const STEMS = ["aozora", "fuji", "hokuto", "minato", "nagoya", "osaka", "sakura", "shinsei", "tohoku", "midori", "kita", "umeda"];
const KINDS = ["bank", "retail", "clinic", "motors", "logistics", "media", "energy", "foods", "edu", "systems"];

/** `"aozora-bank-017"`-like ids: realistic lengths, unique by the counter. */
function customerId(random: () => number, index: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return `${pick(STEMS)}-${pick(KINDS)}-${String(index + 1).padStart(3, "0")}`;
}

/** The quadrant options of the fixtures (the thresholds drawn are the ones ranked by). */
export const QUADRANT_OPTIONS = { asOf: "2026-02-28", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30 } as const;

/** `count` customers' snapshots on 2026-02-28, ranked by priorityQuadrant. */
export function quadrantCustomers(count: number, seed = count): QuadrantCustomer[] {
  const random = seededRandom(seed);
  const snapshots: UsageSnapshotInput[] = [];
  for (let index = 0; index < count; index++) {
    const licensedSeats = 20 + Math.floor(random() * 1980);
    // 展開率 mostly 10–110% (a few over-provisioned), 活用率 5–100%.
    const provisionedUsers = Math.max(1, Math.round(licensedSeats * (0.1 + random())));
    const activeUsers = Math.round(provisionedUsers * (0.05 + 0.95 * random()));
    const daysSinceContact = Math.floor(random() * 120);
    const contact = new Date(Date.UTC(2026, 1, 28 - daysSinceContact)).toISOString().slice(0, 10);
    snapshots.push({
      customerId: customerId(random, index),
      at: "2026-02-28",
      licensedSeats,
      provisionedUsers,
      activeUsers,
      ...(random() < 0.85 ? { lastContactAt: contact } : {}),
    });
  }
  return priorityQuadrant(snapshots, QUADRANT_OPTIONS);
}

/** Contracts of 36 monthly cohorts (2023-01 … 2025-12), 4–12 customers each, some churning (JPY). */
function contracts36(seed: number): ContractInput[] {
  const random = seededRandom(seed);
  const contracts: ContractInput[] = [];
  let id = 0;
  for (let month = 0; month < 36; month++) {
    const year = 2023 + Math.floor(month / 12);
    const start = `${year}-${String((month % 12) + 1).padStart(2, "0")}-01`;
    const customers = 4 + Math.floor(random() * 9);
    for (let c = 0; c < customers; c++) {
      const amount = 10_000 * (1 + Math.floor(random() * 20));
      const lifetime = Math.floor(random() * 48);
      const endMonth = month + 1 + lifetime;
      const end = endMonth < 36 ? `${2023 + Math.floor(endMonth / 12)}-${String((endMonth % 12) + 1).padStart(2, "0")}-01` : undefined;
      contracts.push({ id: String(++id), customerId: `c${id}`, start, ...(end === undefined ? {} : { end }), amount, currency: "JPY" });
    }
  }
  return contracts;
}

/** The 36 monthly cohorts of {@link contracts36}, followed to 2026-01-01. */
export function cohorts36(seed = 36): CohortRetention {
  return cohortRetention(contracts36(seed), { start: "2023-01-01", end: "2026-01-01", label: "2023–2025" });
}

/** 36 monthly steps (2023-01 … 2025-12) of the same contracts' MRR movements. */
export function series36(seed = 36): RevenueSeries {
  return revenueSeries(contracts36(seed), { start: "2023-01-01", end: "2026-01-01" }, { every: "month" });
}

/** The concentration on 2026-03-31 of `count` paying customers, a few large and many small (USD). */
export function concentration(count: number, seed = count): CustomerConcentration {
  const random = seededRandom(seed);
  const contracts: ContractInput[] = [];
  for (let index = 0; index < count; index++) {
    // random()³ skews towards small accounts: 100 … 100,000 a month, most under 10,000.
    const amount = 100 * (1 + Math.floor(999 * random() ** 3));
    contracts.push({ id: String(index + 1), customerId: customerId(random, index), start: "2025-01-01", amount, currency: "USD" });
  }
  return customerConcentration(contracts, "2026-03-31");
}

/** 36 months of Good / Normal / Bad bands of about 120 customers. */
export function bands36(seed = 360): BandDistributionPoint[] {
  const random = seededRandom(seed);
  const points: BandDistributionPoint[] = [];
  for (let month = 0; month < 36; month++) {
    const bands = Array.from({ length: 100 + Math.floor(random() * 40) }, () => {
      const draw = random();
      return { band: draw < 0.45 + month / 200 ? ("good" as const) : draw < 0.8 ? ("normal" as const) : ("bad" as const) };
    });
    points.push({ label: `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`, bands: goodMinusBad(bands) });
  }
  return points;
}
