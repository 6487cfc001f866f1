/**
 * Usage snapshots and feature adoption in SQL, run for real on DuckDB and PostgreSQL, equal
 * `usageSnapshots` and `featureAdoption`: random event sets (several customers and users, events
 * before, on and after the dates, features with and without a quote in their name, counts), random
 * dates, windows, feature lists and contact tables.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { featureAdoption, usageSnapshots } from "../../src/index.js";
import { toSql } from "../../src/sql/index.js";
import { runs } from "../hardening/support/runs.js";
import { dateOfDay, dayOfDate } from "../support/contractArbitraries.js";
import { type GeneratedEvent, eventArbitrary } from "../support/usageArbitraries.js";
import { type SqlEngine, type TextRow, REAL_ENGINES, engineForSuite } from "./support/engines.js";
import { RATE_PLACES, normalised, truncated } from "./support/libraryExpectations.js";

/** Runs per engine (200; fewer under mutation testing, see test/hardening/support/runs.ts). */
const RUNS = runs(200);

const FIRST = dayOfDate("2025-05-01");
const LAST = dayOfDate("2025-07-31");
const FEATURES = ["export", "api", "report", "O'Brien"] as const;

type Event = GeneratedEvent;

const eventArb = eventArbitrary({
  customers: ["acme", "beta", "chiyoda", "Daiichi"], users: ["u1", "u2", "u3", "u4", "U5"], features: FEATURES, firstDay: FIRST, lastDay: LAST, maxCount: 5,
});

const contactArb = fc.record({
  customerId: fc.constantFrom("acme", "beta", "chiyoda", "Daiichi", "nobody"),
  at: fc.integer({ min: FIRST, max: LAST }).map(dateOfDay),
});

const dateArb = fc.integer({ min: FIRST + 20, max: LAST + 5 }).map(dateOfDay);

const caseArb = fc.record({
  events: fc.array(eventArb, { maxLength: 40 }),
  contacts: fc.option(fc.array(contactArb, { maxLength: 6 }), { nil: undefined }),
  on: fc.uniqueArray(dateArb, { minLength: 1, maxLength: 3 }),
  windows: fc.record({ wau: fc.integer({ min: 1, max: 10 }), mau: fc.integer({ min: 1, max: 40 }), features: fc.integer({ min: 1, max: 40 }) }),
  featuresAvailable: fc.option(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.uniqueArray(fc.constantFrom(...FEATURES, "unused"), { maxLength: 3 })), {
    nil: undefined,
  }),
  window: fc.integer({ min: 1, max: 40 }),
});

async function load(engine: SqlEngine, events: readonly Event[], contacts: readonly { customerId: string; at: string }[]): Promise<void> {
  await engine.execute('CREATE TABLE IF NOT EXISTS usage_events (customer_id VARCHAR, user_id VARCHAR, "at" DATE, feature VARCHAR, "count" INTEGER)', []);
  await engine.execute('CREATE TABLE IF NOT EXISTS crm_contacts (customer_id VARCHAR, "at" DATE)', []);
  await engine.execute("DELETE FROM usage_events", []);
  await engine.execute("DELETE FROM crm_contacts", []);
  if (events.length > 0) {
    const rows = events.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, CAST($${i * 5 + 3} AS DATE), $${i * 5 + 4}, CAST($${i * 5 + 5} AS INTEGER))`);
    await engine.execute(`INSERT INTO usage_events VALUES ${rows.join(", ")}`, events.flatMap((e) => [e.customerId, e.userId, e.at, e.feature ?? null, String(e.count)]));
  }
  if (contacts.length > 0) {
    const rows = contacts.map((_, i) => `($${i * 2 + 1}, CAST($${i * 2 + 2} AS DATE))`);
    await engine.execute(`INSERT INTO crm_contacts VALUES ${rows.join(", ")}`, contacts.flatMap((c) => [c.customerId, c.at]));
  }
}

const byKeys = (keys: readonly string[]) => (a: TextRow, b: TextRow): number => {
  for (const key of keys) {
    const x = a[key] ?? "";
    const y = b[key] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

describe.each(REAL_ENGINES)("usage snapshots and feature adoption in SQL on %s equal the library", (_name, open) => {
  const currentEngine = engineForSuite(open);

  it(`on ${RUNS} random event sets`, async () => {
    const engine = currentEngine();
    let cases = 0;
    let snapshotRows = 0;
    let featureRows = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ events, contacts, on, windows, featuresAvailable, window }) => {
        cases++;
        await load(engine, events, contacts ?? []);
        const extra = {
          ...(featuresAvailable === undefined ? {} : { featuresAvailable }),
          ...(contacts === undefined ? {} : { tables: { contacts: "crm_contacts" } }),
        };
        const statement = toSql("usageSnapshots", { dialect: engine.dialect, on, windows, ...extra });
        const rows = (await engine.query(statement.sql)).sort(byKeys(["customer_id", "snapshot_date"]));
        const library = usageSnapshots(events, {
          on, windows, ...(featuresAvailable === undefined ? {} : { featuresAvailable }), ...(contacts === undefined ? {} : { contacts }),
        });
        snapshotRows += library.length;
        expect(rows).toEqual(
          library.map((s) => ({
            customer_id: s.customerId, snapshot_date: s.at, provisioned_users: String(s.provisionedUsers), active_users: String(s.activeUsers),
            dau: String(s.dau), wau: String(s.wau), mau: String(s.mau), features_used: String(s.featuresUsed),
            features_available: s.featuresAvailable === undefined ? null : String(s.featuresAvailable), last_contact_at: s.lastContactAt,
          })),
        );

        const adoptionOn = on[0]!;
        const adoption = featureAdoption(events, { on: adoptionOn, window });
        const adoptionRows = await engine.query(toSql("featureAdoption", { dialect: engine.dialect, on: adoptionOn, window }).sql);
        featureRows += adoption.features.length;
        expect(adoptionRows.map((row) => ({ ...row, customer_share: normalised(row["customer_share"] ?? null, RATE_PLACES) })).sort(byKeys(["feature"]))).toEqual(
          adoption.features.map((f) => ({
            feature: f.feature, customers: String(f.customers), users: String(f.users), events: String(f.events),
            customer_share: truncated(f.customerShare, RATE_PLACES),
            active_customers: String(adoption.activeCustomers), active_users: String(adoption.activeUsers),
          })),
        );
      }),
      { numRuns: RUNS },
    );
    console.info(`cs-metrics SQL usage properties: ${cases} cases on ${engine.dialect} (${snapshotRows} snapshot rows, ${featureRows} feature rows)`);
    expect(cases).toBeGreaterThanOrEqual(RUNS);
    // The generator really exercises the statements: most cases have rows.
    expect(snapshotRows).toBeGreaterThan(RUNS);
    expect(featureRows).toBeGreaterThan(RUNS / 4);
  }, 600_000);
});
