/**
 * alertsToSlack: sections per alert, mrkdwn escaping, splitting at Slack's limits, validation.
 */
import { describe, expect, it } from "vitest";
import { ValidationError, evaluateAlerts, type HealthAlert, type ScorecardInput } from "../../src/index.js";
import { SLACK_LIMITS, alertsToSlack } from "../../src/slack/index.js";
import history from "../../examples/data/usage-history.json" with { type: "json" };
import scorecard from "../../examples/data/scorecard.json" with { type: "json" };
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";

const threshold = (customerId: string, at = "2026-01-31"): HealthAlert => ({ kind: "threshold", ruleId: "low-util", customerId, at, measure: "utilizationRate", value: 0.333333, side: "below", limit: 0.4 });

describe("alertsToSlack", () => {
  it("one section per alert in words, for each kind", () => {
    const alerts: HealthAlert[] = deepFreeze([
      threshold("osaka-media"),
      { kind: "drop", ruleId: "logins-drop", customerId: "acme", at: "2025-03-31", measure: "logins", value: 30, reference: 50, referenceAt: "2025-01-31", drop: 0.4 },
      { kind: "band", ruleId: "turns-bad", customerId: "acme", at: "2025-03-31", band: "bad", previousBand: "normal", score: 35.123 },
      { kind: "band", ruleId: "turns-bad", customerId: "beta", at: "2025-03-31", band: "bad", previousBand: null, score: 10 },
      { kind: "noContact", ruleId: "quiet", customerId: "acme", at: "2025-12-25", lastContactAt: "2025-11-10", daysSinceContact: 45 },
    ]);
    const [message, ...rest] = alertsToSlack(alerts, { ruleNames: { "low-util": "活用率 < 40%" }, customerNames: new Map([["acme", "Acme & Co"]]) });
    expect(rest).toEqual([]);
    expect(message!.text).toBe("Health alerts: 5 alerts");
    expect(message!.blocks.map((b) => b.text.text)).toEqual([
      "*Health alerts* · 5 alerts",
      "*Customer:* osaka-media\n*Rule:* 活用率 &lt; 40%\n*Values:* utilizationRate 0.33, below 0.4\n*Date:* 2026-01-31",
      "*Customer:* Acme &amp; Co\n*Rule:* logins-drop\n*Values:* logins 30, down 40% from 50 on 2025-01-31\n*Date:* 2025-03-31",
      "*Customer:* Acme &amp; Co\n*Rule:* turns-bad\n*Values:* band normal → bad (score 35.12)\n*Date:* 2025-03-31",
      "*Customer:* beta\n*Rule:* turns-bad\n*Values:* band none → bad (score 10)\n*Date:* 2025-03-31",
      "*Customer:* Acme &amp; Co\n*Rule:* quiet\n*Values:* no contact for 45 days (last 2025-11-10)\n*Date:* 2025-12-25",
    ]);
    expect(message!.blocks.every((b) => b.type === "section" && b.text.type === "mrkdwn")).toBe(true);
  });

  it("takes evaluateAlerts' output as is (the sample: aozora-bank, nagoya-motors and osaka-media below 40% 活用率 on 2025-12-31)", () => {
    // 活用率 = activeUsers / provisionedUsers on 2025-12-31: aozora 60/200 = 0.3, nagoya 10/40 = 0.25, osaka 5/15 = 0.333…;
    // minato 20/45 = 0.444… and the others are above 0.4; nagoya recovers (25/40) and does not fire again.
    const alerts = evaluateAlerts(history, [{ id: "low-util", signal: "utilizationRate", below: 0.4 }], { scorecard: scorecard as ScorecardInput });
    const messages = alertsToSlack(alerts, { title: "CS morning" });
    expect(messages.map((m) => m.text)).toEqual(["CS morning: 3 alerts"]);
    expect(messages[0]!.blocks.slice(1).map((b) => b.text.text.split("\n")[0])).toEqual(["*Customer:* aozora-bank", "*Customer:* nagoya-motors", "*Customer:* osaka-media"]);
  });

  it("no alerts: no message", () => {
    expect(alertsToSlack([])).toEqual([]);
  });

  it("splits at 50 blocks per message (title + 49 alerts), numbering the parts", () => {
    const alerts = Array.from({ length: 100 }, (_, k) => threshold(`c${String(k).padStart(3, "0")}`));
    const messages = alertsToSlack(alerts);
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 50, 3]);
    expect(messages.map((m) => m.text)).toEqual(["Health alerts (1/3): 100 alerts", "Health alerts (2/3): 100 alerts", "Health alerts (3/3): 100 alerts"]);
    expect(messages[2]!.blocks[0]!.text.text).toBe("*Health alerts* (3/3) · 100 alerts");
    expect(messages.flatMap((m) => m.blocks.slice(1)).map((b) => b.text.text.split("\n")[0])).toEqual(alerts.map((a) => `*Customer:* ${a.customerId}`));
    expect(alertsToSlack(alerts, { maxBlocks: 11 }).map((m) => m.blocks.length)).toEqual(Array(10).fill(11)); // 10 alerts + title each
  });

  it("cuts over-long names with … (never inside an entity) so that no section exceeds 3000 characters, and splits by total text", () => {
    const long = "&".repeat(2000); // 10,000 characters escaped
    const [message] = alertsToSlack([threshold(long)], { ruleNames: { "low-util": "<".repeat(5000) } });
    const text = message!.blocks[1]!.text.text;
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const customer = text.split("\n")[0]!.slice("*Customer:* ".length);
    expect(customer).toMatch(/^(&amp;)+…$/);
    expect(customer.length).toBeLessThanOrEqual(800);
    // 20 alerts of ~2,000 characters: at most 12,000 characters of block text per message.
    const many = alertsToSlack(Array.from({ length: 20 }, (_, k) => threshold(`${k}-${"x".repeat(790)}`)), { ruleNames: { "low-util": "r".repeat(590) } });
    for (const m of many) expect(m.blocks.reduce((sum, b) => sum + b.text.text.length, 0)).toBeLessThanOrEqual(12_000);
    expect(many.length).toBeGreaterThan(1);
  });

  it("a surrogate pair is not split by the cut", () => {
    const [message] = alertsToSlack([threshold("😀".repeat(600))]);
    const customer = message!.blocks[1]!.text.text.split("\n")[0]!.slice("*Customer:* ".length);
    expect(customer.endsWith("…")).toBe(true);
    expect(customer.slice(0, -1)).toBe("😀".repeat(399));
  });

  it("escapes the title; <!channel> in an id cannot notify", () => {
    const [message] = alertsToSlack([threshold("<!channel>")], { title: "A&B <alerts>" });
    expect(message!.text).toBe("A&amp;B &lt;alerts&gt;: 1 alert");
    expect(message!.blocks[0]!.text.text).toBe("*A&amp;B &lt;alerts&gt;* · 1 alert");
    expect(message!.blocks[1]!.text.text).toContain("*Customer:* &lt;!channel&gt;");
  });

  it("rejects what is not an alert and bad options, with paths", () => {
    const loose = alertsToSlack as unknown as (...args: unknown[]) => unknown;
    expect((caught(() => loose("x")) as ValidationError).issues[0]!.path).toBe("alerts");
    expect((caught(() => loose([{ kind: "weird", ruleId: "r", customerId: "c", at: "2025-01-01" }])) as ValidationError).issues[0]).toEqual({
      path: "alerts[0].kind",
      message: 'must be an alert from evaluateAlerts (kind "threshold", "drop", "band" or "noContact")',
    });
    expect((caught(() => loose([{ ...threshold("a"), value: "1" }])) as ValidationError).issues[0]!.path).toBe("alerts[0].value");
    const notObject = caught(() => loose([threshold("a"), 5])) as ValidationError;
    expect(notObject.issues.map((i) => i.path)).toEqual(["alerts[1]"]);
    expect((caught(() => loose([], { maxBlocks: 51 })) as ValidationError).issues[0]!.path).toBe("options.maxBlocks");
    expect((caught(() => loose([], { maxCharacters: 100 })) as ValidationError).issues[0]!.path).toBe("options.maxCharacters");
    expect((caught(() => loose([], null)) as ValidationError).issues[0]!.path).toBe("options");
    expect((caught(() => loose([threshold("a")], { customerNames: new Map([[1, "x"]]) })) as ValidationError).issues[0]!.path).toBe("options.customerNames");
    expect((caught(() => loose([], { ruleNames: { a: 1 } })) as ValidationError).issues[0]!.path).toBe("options.ruleNames");
  });
});
