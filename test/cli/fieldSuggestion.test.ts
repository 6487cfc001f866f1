/**
 * editDistance and suggestField: the "did you mean" of an unknown CSV column.
 */
import { describe, expect, it } from "vitest";
import { editDistance, suggestField } from "../../src/cli/fieldSuggestion.js";

const CONTRACT = ["id", "customerId", "start", "end", "amount", "interval", "intervalCount", "currency", "product", "plan", "seats"];

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    // kitten → sitting: k→s, e→i, +g = 3 (the textbook example)
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("amount", "amount")).toBe(0);
  });
});

describe("suggestField", () => {
  it("matches ignoring case and separators: snake_case, kebab-case, spaces", () => {
    expect(suggestField("customer_id", CONTRACT)).toBe("customerId");
    expect(suggestField("Amount", CONTRACT)).toBe("amount");
    expect(suggestField("interval-count", CONTRACT)).toBe("intervalCount");
    expect(suggestField("Customer ID", CONTRACT)).toBe("customerId");
  });

  it("takes the nearest field within a third of the name's length", () => {
    expect(suggestField("ammount", CONTRACT)).toBe("amount"); // 1 edit of 7 letters
    expect(suggestField("curency", CONTRACT)).toBe("currency");
    expect(suggestField("starts", CONTRACT)).toBe("start");
    expect(suggestField("ed", CONTRACT)).toBe("id"); // 1 edit: at least 1 is allowed
  });

  it("suggests nothing for a name far from every field", () => {
    expect(suggestField("notes", CONTRACT)).toBeNull();
    expect(suggestField("root:x:0:0", CONTRACT)).toBeNull();
  });

  it("turns a nested prefix with another separator into a dotted column", () => {
    expect(suggestField("metrics_openTickets", ["customerId", "at"], "metrics")).toBe("metrics.openTickets");
    expect(suggestField("Metrics-open tickets", ["customerId", "at"], "metrics")).toBe("metrics.open tickets");
    expect(suggestField("metricsX", ["customerId", "at"], "metrics")).toBeNull();
  });
});
