/**
 * The usage state folds events a batch at a time, grouped by customer (src/usage/usageState.ts): a
 * stream longer than one batch must give what the same events give in shards that each fit in one,
 * merged — every snapshot field and the data-quality tallies.
 */
import { describe, expect, it } from "vitest";
import { mergeUsagePartials, usagePartial, usageSnapshotsFromPartial } from "../../src/usage/usagePartial.js";
import { usageSnapshots } from "../../src/usage/usageSnapshots.js";

/** 300,000 events (more than two batches of 131,072) over 50 customers × 30 users, in a scrambled order. */
function events(): { customerId: string; userId: string; at: string; feature?: string; count?: number }[] {
  const list = [];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 300_000; n++) {
    const day = 1 + Math.floor(next() * 31);
    list.push({
      customerId: `c${Math.floor(next() * 50)}`,
      userId: `u${Math.floor(next() * 30)}`,
      at: `2025-${next() < 0.5 ? "11" : "12"}-${String(Math.min(day, 30)).padStart(2, "0")}`,
      ...(next() < 0.7 ? { feature: `f${Math.floor(next() * 6)}` } : {}),
      ...(next() < 0.2 ? { count: 2 } : {}),
    });
  }
  return list;
}

describe("a batch folded when customers far outnumber its events", () => {
  it("groups by a sort instead of counting and gives what one fold gives", async () => {
    const { startUsage, finishUsage } = await import("../../src/usage/usageSnapshots.js");
    const events = Array.from({ length: 200 }, (_, n) => ({ customerId: `customer-with-a-long-id-${n}`, userId: `u${n % 3}`, at: "2025-12-01", feature: "f" }));
    const later = [3, 150, 7].map((n) => ({ customerId: `customer-with-a-long-id-${n}`, userId: "u9", at: "2025-12-02" }));
    const split = startUsage({ on: "2025-12-31" });
    for (const event of events) split.state.add(event);
    expect(split.state.customers.size).toBe(200); // folded: the next batch has 3 events for 200 customers
    for (const event of later) split.state.add(event);
    expect(finishUsage(split)).toEqual(usageSnapshots([...events, ...later], { on: "2025-12-31" }));
    expect(finishUsage(split).find((snapshot) => snapshot.customerId === "customer-with-a-long-id-150")?.provisionedUsers).toBe(2); // u0 and u9
  });
});

describe("usage snapshots over more events than one batch", () => {
  it("equal the merge of shards that each fit in one batch", () => {
    const all = events();
    const options = { on: ["2025-11-30", "2025-12-15", "2025-12-31"] };
    const onePass = usageSnapshots(all, options);
    const shards = [0, 1, 2, 3].map((k) => usagePartial(all.slice(k * 75_000, (k + 1) * 75_000), options));
    const merged = usageSnapshotsFromPartial(mergeUsagePartials(shards), {});
    expect(onePass).toHaveLength(150);
    expect(merged).toEqual(onePass);
    // One figure checked against the events themselves: provisioned users = distinct users seen by the date.
    for (const customerId of ["c0", "c17", "c49"]) {
      const users = new Set(all.filter((event) => event.customerId === customerId && event.at <= "2025-11-30").map((event) => event.userId));
      expect(onePass.find((snapshot) => snapshot.customerId === customerId && snapshot.at === "2025-11-30")?.provisionedUsers).toBe(users.size);
    }
  });
});
