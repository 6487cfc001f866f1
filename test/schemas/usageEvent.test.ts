/** UsageEventSchema / ContactSchema and date-times read in a named time zone. */
import { describe, expect, it } from "vitest";
import { ContactSchema, UsageEventSchema, ValidationError } from "../../src/index.js";
import { contactSchema, usageEventSchema } from "../../src/schemas/usageEvent.js";
import { caught } from "../support/caught.js";

const atIn = (timeZone: string | undefined, at: unknown): unknown => {
  const parsed = usageEventSchema(timeZone === undefined ? undefined : { timeZone }).safeParse({ customerId: "c", userId: "u", at });
  return parsed.success ? parsed.data.at : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("UsageEventSchema", () => {
  it("fills in count 1 and leaves feature out; null feature and count read as absent", () => {
    expect(UsageEventSchema.parse({ customerId: "acme", userId: "u", at: "2025-06-30" })).toEqual({ customerId: "acme", userId: "u", at: "2025-06-30", count: 1 });
    expect(UsageEventSchema.parse({ customerId: 1, userId: 2, at: "2025-06-30", feature: null, count: null })).toEqual({ customerId: "1", userId: "2", at: "2025-06-30", count: 1 });
    expect(UsageEventSchema.parse({ customerId: "a", userId: "u", at: new Date(Date.UTC(2025, 5, 30, 23, 59)), feature: "f", count: 3 })).toEqual({
      customerId: "a", userId: "u", at: "2025-06-30", feature: "f", count: 3,
    });
  });

  it("reads ISO 8601 date-times as the calendar date in the zone (hand-converted)", () => {
    // 16:00Z + 9 h = 01:00 on 04-01 in Tokyo.
    expect(atIn("Asia/Tokyo", "2025-03-31T16:00:00Z")).toBe("2025-04-01");
    // 14:59:59.999Z + 9 h = 23:59:59.999 on 03-31.
    expect(atIn("Asia/Tokyo", "2025-03-31T14:59:59.999Z")).toBe("2025-03-31");
    // +0900 without a colon, a bare +09, a space for the T, lowercase t and z.
    expect(atIn("UTC", "2025-04-01T08:59+0900")).toBe("2025-03-31");
    expect(atIn("UTC", "2025-04-01 09:00+09")).toBe("2025-04-01");
    expect(atIn("Asia/Kolkata", "2025-03-31t18:30:00z")).toBe("2025-04-01"); // + 5:30 = 00:00
    // Los Angeles: PST (−8) on 2025-03-08, PDT (−7) from 03-09.
    expect(atIn("America/Los_Angeles", "2025-03-09T07:59:00Z")).toBe("2025-03-08");
    expect(atIn("America/Los_Angeles", "2025-03-10T06:59:00Z")).toBe("2025-03-09");
    // A Date is an instant: its date in the zone.
    expect(atIn("Asia/Tokyo", new Date(Date.UTC(2025, 2, 31, 15)))).toBe("2025-04-01");
  });

  it("rejects what is not a date or an offset date-time", () => {
    expect(atIn(undefined, "2025-03-31T16:00:00Z")).toEqual(['at: is a date-time (got "2025-03-31T16:00:00Z"): pass the timeZone option to read it as a calendar date']);
    const bad = (value: unknown): unknown => atIn("Asia/Tokyo", value);
    const message = (got: string): string[] => [`at: must be a calendar date YYYY-MM-DD or an ISO 8601 date-time with Z or an offset (got ${got})`];
    expect(bad("2025-03-31T16:00:00")).toEqual(message('"2025-03-31T16:00:00"')); // no offset: which zone?
    expect(bad("2025-02-30T10:00Z")).toEqual(message('"2025-02-30T10:00Z"'));
    expect(bad("2025-03-31T24:00Z")).toEqual(message('"2025-03-31T24:00Z"'));
    expect(bad("2025-03-31T23:60Z")).toEqual(message('"2025-03-31T23:60Z"'));
    expect(bad("2025-03-31T23:59:60Z")).toEqual(message('"2025-03-31T23:59:60Z"'));
    expect(bad("2025-03-31T10:00+24:00")).toEqual(message('"2025-03-31T10:00+24:00"'));
    expect(bad("2025-03-31T10:00+09:60")).toEqual(message('"2025-03-31T10:00+09:60"'));
    // 9999-12-31 20:00Z is 10000-01-01 in Tokyo; 0001-01-01 05:00Z is 1 BC in Los Angeles.
    expect(bad("9999-12-31T20:00Z")).toEqual(message('"9999-12-31T20:00Z"'));
    expect(atIn("America/Los_Angeles", "0001-01-01T05:00Z")).toEqual([
      'at: must be a calendar date YYYY-MM-DD or an ISO 8601 date-time with Z or an offset (got "0001-01-01T05:00Z")',
    ]);
    expect(bad(new Date(Number.NaN))).toEqual(["at: must be a calendar date YYYY-MM-DD (got Invalid Date)"]);
    expect(atIn(undefined, new Date(Number.NaN))).toEqual(["at: must be a calendar date YYYY-MM-DD (got Invalid Date)"]);
    expect(bad(20250331)).toEqual(["at: must be a calendar date YYYY-MM-DD (got 20250331)"]);
  });

  it("an unknown time zone is an options error", () => {
    expect((caught(() => usageEventSchema({ timeZone: "Asia/Atlantis" })) as ValidationError).issues).toEqual([
      { path: "options.timeZone", message: 'must be an IANA time zone such as "Asia/Tokyo" (got "Asia/Atlantis")' },
    ]);
    expect((caught(() => contactSchema({ timeZone: "" })) as ValidationError).issues[0]?.path).toBe("options.timeZone");
    expect(usageEventSchema()).toBe(UsageEventSchema);
    expect(contactSchema({})).toBe(ContactSchema);
  });
});

describe("ContactSchema", () => {
  it("a customer and a date", () => {
    expect(ContactSchema.parse({ customerId: 42, at: "2025-06-12" })).toEqual({ customerId: "42", at: "2025-06-12" });
    expect(contactSchema({ timeZone: "Asia/Tokyo" }).parse({ customerId: "a", at: "2025-06-11T15:00:00Z" })).toEqual({ customerId: "a", at: "2025-06-12" });
    const parsed = ContactSchema.safeParse("x");
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe('must be a contact object (got "x")');
  });
});
