import { describe, expect, it } from "vitest";
import { keptText } from "../../src/ids/keptText.js";

describe("keptText", () => {
  it("returns the same text, short or long (a long one copied off the text it was cut from)", () => {
    const piece = `${"x".repeat(1000)}cus_NffrFeUfNV2Hib${"y".repeat(1000)}`;
    const cut = piece.slice(1000, 1018);
    expect(keptText(cut)).toBe("cus_NffrFeUfNV2Hib");
    expect(keptText("acme")).toBe("acme");
    expect(keptText("")).toBe("");
  });
});
