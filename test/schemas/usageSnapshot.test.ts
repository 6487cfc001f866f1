import { describe, expect, it } from "vitest";
import { UsageSnapshotSchema } from "../../src/index.js";

describe("UsageSnapshotSchema", () => {
  it("keeps the counts, defaults metrics to {} and lastContactAt to null", () => {
    const snapshot = UsageSnapshotSchema.parse({ customerId: "acme", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 80, activeUsers: 40 });
    expect(snapshot).toMatchObject({ customerId: "acme", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 80, activeUsers: 40, lastContactAt: null });
    expect({ ...snapshot.metrics }).toEqual({});
    expect(snapshot.dau).toBeUndefined();
  });

  it("reads dates (Date objects in UTC) and named metrics", () => {
    const snapshot = UsageSnapshotSchema.parse({
      customerId: 12,
      at: new Date("2025-07-01T03:00:00+09:00"), // 2025-06-30T18:00Z
      lastContactAt: "2025-06-01",
      metrics: { openTickets: 2, nps: -10 },
    });
    expect([snapshot.customerId, snapshot.at, snapshot.lastContactAt]).toEqual(["12", "2025-06-30", "2025-06-01"]);
    expect(snapshot.metrics.openTickets).toBe(2);
    expect(snapshot.metrics.nps).toBe(-10);
  });

  it("rejects negative or non-finite counts, non-finite metrics and impossible dates, with paths", () => {
    const result = UsageSnapshotSchema.safeParse({
      customerId: "a",
      at: "2025-02-30",
      licensedSeats: -1,
      mau: Number.POSITIVE_INFINITY,
      metrics: { logins: Number.NaN },
    });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["at", "licensedSeats", "mau", "metrics.logins"]));
    expect(paths).toHaveLength(4);
  });
});
