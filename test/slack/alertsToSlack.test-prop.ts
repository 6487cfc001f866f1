import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { HealthAlert } from "../../src/index.js";
import { SLACK_LIMITS, alertsToSlack } from "../../src/slack/index.js";
import { deepFreeze } from "../support/deepFreeze.js";

// Text heavy in Slack's control characters and multi-unit characters.
const textArb = fc.string({ unit: fc.constantFrom("&", "<", ">", "a", "*", "😀", "日", ";"), maxLength: 1200 });
const alertArb: fc.Arbitrary<HealthAlert> = fc.record({
  kind: fc.constant("noContact" as const),
  ruleId: textArb,
  customerId: textArb,
  at: fc.constant("2025-06-30"),
  lastContactAt: fc.constant("2025-05-01"),
  daysSinceContact: fc.integer({ min: 0, max: 1000 }),
});

/** Every &, < and > in the text is the start of one of the three entities Slack asks for. */
function onlyEscaped(text: string): boolean {
  return !/[<>]/.test(text) && !/&(?!amp;|lt;|gt;)/.test(text);
}

describe("alertsToSlack properties", () => {
  test.prop([fc.array(alertArb, { maxLength: 120 }), fc.integer({ min: 2, max: 50 }), fc.integer({ min: 4000, max: 40_000 })])(
    "messages never exceed the limits, keep every alert once and in order, and escape every special character",
    (alerts, maxBlocks, maxCharacters) => {
      const messages = alertsToSlack(deepFreeze(alerts), { maxBlocks, maxCharacters, title: "<&>" });
      const sections = messages.flatMap((m) => m.blocks.slice(1));
      expect(sections).toHaveLength(alerts.length);
      for (const message of messages) {
        expect(message.blocks.length).toBeLessThanOrEqual(Math.min(maxBlocks, SLACK_LIMITS.blocksPerMessage));
        expect(message.blocks.reduce((sum, b) => sum + b.text.text.length, 0)).toBeLessThanOrEqual(maxCharacters);
        expect(onlyEscaped(message.text)).toBe(true);
        for (const block of message.blocks) {
          expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
          expect(onlyEscaped(block.text.text)).toBe(true);
          expect(block.text.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
        }
      }
      sections.forEach((section, k) => {
        const days = alerts[k]!.kind === "noContact" ? alerts[k]!.daysSinceContact : -1;
        expect(section.text.text).toContain(`no contact for ${days} days`);
      });
    },
  );
});
