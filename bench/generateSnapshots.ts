/**
 * Seeded synthetic usage snapshots for the health benchmark: weekly snapshots of many customers, in
 * date order (as a daily export would arrive), with seats, users, activity, features and tickets.
 * @module
 */
import { seededRandom } from "./generateContracts.js";

/** One raw usage snapshot. */
export interface RawSnapshot {
  customerId: string;
  at: string;
  licensedSeats: number;
  provisionedUsers: number;
  activeUsers: number;
  dau: number;
  mau: number;
  featuresUsed: number;
  featuresAvailable: number;
  metrics: { openTickets: number };
}

/** The scorecard the benchmark scores with. */
export const BENCH_SCORECARD = {
  measures: [
    { signal: "deploymentRate", weight: 3, scale: { type: "linear", worst: 0.2, best: 0.9 } },
    { signal: "utilizationRate", weight: 3, scale: { type: "linear", worst: 0.1, best: 0.8 } },
    { signal: "featureAdoption", weight: 2, scale: { type: "linear", worst: 0.1, best: 0.6 } },
    { metric: "openTickets", weight: 1, scale: { type: "linear", worst: 10, best: 0 } },
  ],
  bands: { good: 70, bad: 40 },
} as const;

/** `asOf` of the benchmark: after every generated snapshot. */
export const BENCH_AS_OF = "2026-12-31";

/** `count` snapshots: `count / 10` customers, 10 weekly snapshots each, produced lazily in date order. */
export function* snapshotRows(count: number, seed = 7): Generator<RawSnapshot> {
  const random = seededRandom(seed);
  const customers = Math.max(1, Math.ceil(count / 10));
  const seats = Array.from({ length: customers }, () => 5 + Math.floor(random() * 500));
  let produced = 0;
  for (let week = 0; produced < count; week++) {
    const at = new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10);
    for (let customer = 0; customer < customers && produced < count; customer++, produced++) {
      const licensedSeats = seats[customer]!;
      const provisionedUsers = Math.floor(licensedSeats * (0.3 + random() * 0.7));
      const activeUsers = Math.floor(provisionedUsers * random());
      yield {
        customerId: `cus_${customer.toString(36).padStart(6, "0")}`,
        at,
        licensedSeats,
        provisionedUsers,
        activeUsers,
        dau: Math.floor(activeUsers * random()),
        mau: activeUsers,
        featuresUsed: Math.floor(random() * 21),
        featuresAvailable: 20,
        metrics: { openTickets: Math.floor(random() * 12) },
      };
    }
  }
}
