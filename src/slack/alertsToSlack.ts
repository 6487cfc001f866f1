/**
 * Health alerts as Slack Block Kit messages: plain JSON payloads for chat.postMessage or an incoming
 * webhook, split to respect Slack's limits. No network, no Slack dependency.
 * @module
 */
import { z } from "zod";
import { ValidationError } from "../errors.js";
import type { HealthAlert } from "../health/alerts.js";
import { readOptions } from "../schemas/options.js";
import { describeValue, formatPath } from "../schemas/primitives.js";
import { escapedWithin } from "./mrkdwn.js";

/** A Block Kit mrkdwn text object. */
export interface SlackMrkdwnText {
  readonly type: "mrkdwn";
  readonly text: string;
}

/** A Block Kit section block with mrkdwn text. */
export interface SlackSectionBlock {
  readonly type: "section";
  readonly text: SlackMrkdwnText;
}

/** One message: the body of chat.postMessage (add `channel`) or of an incoming webhook. */
export interface SlackMessage {
  /** Fallback text for notifications and clients that cannot show blocks. */
  readonly text: string;
  readonly blocks: readonly SlackSectionBlock[];
}

/** Options of {@link alertsToSlack}. */
export interface AlertsToSlackOptions {
  /** Title of each message (escaped); default `"Health alerts"`. */
  readonly title?: string;
  /** Display names by customer id (a Map or an object); an id without one is shown as is. */
  readonly customerNames?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Display names by rule id; an id without one is shown as is. */
  readonly ruleNames?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Most blocks per message, 2–50 (Slack's limit, the default, is 50). */
  readonly maxBlocks?: number;
  /** Most characters of block text per message, 4000–40000; default 12000 (see the remarks). */
  readonly maxCharacters?: number;
}

/** Slack's documented limits: 50 blocks per message, 3000 characters per section text. */
export const SLACK_LIMITS = { blocksPerMessage: 50, sectionText: 3000 } as const;

const Name = z.string();
const Names = z.union([z.instanceof(Map), z.record(z.string(), Name)]);
const OptionsSchema = z.object({
  title: z.string().min(1).default("Health alerts"),
  customerNames: Names.optional(),
  ruleNames: Names.optional(),
  maxBlocks: z.number().int().min(2).max(SLACK_LIMITS.blocksPerMessage).default(SLACK_LIMITS.blocksPerMessage),
  maxCharacters: z.number().int().min(4000).max(40_000).default(12_000),
});

const Base = { ruleId: z.string(), customerId: z.string(), at: z.string() };
const Measure = z.string();
const Finite = z.number().finite();
const Band = z.enum(["good", "normal", "bad"]);
const AlertSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("threshold"), ...Base, measure: Measure, value: Finite, side: z.enum(["below", "above"]), limit: Finite }),
    z.object({ kind: z.literal("drop"), ...Base, measure: Measure, value: Finite, reference: Finite, referenceAt: z.string(), drop: Finite }),
    z.object({ kind: z.literal("band"), ...Base, band: Band, previousBand: Band.nullable(), score: Finite }),
    z.object({ kind: z.literal("noContact"), ...Base, lastContactAt: z.string(), daysSinceContact: Finite }),
  ],
  { error: (issue) => (issue.code === "invalid_union" ? 'must be an alert from evaluateAlerts (kind "threshold", "drop", "band" or "noContact")' : undefined) },
);

/** A number as shown: at most 2 decimals, no trailing zeros. */
function shown(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** The alert's values in words (not yet escaped). */
function describeAlert(alert: HealthAlert): string {
  switch (alert.kind) {
    case "threshold":
      return `${alert.measure} ${shown(alert.value)}, ${alert.side} ${shown(alert.limit)}`;
    case "drop":
      return `${alert.measure} ${shown(alert.value)}, down ${shown(alert.drop * 100)}% from ${shown(alert.reference)} on ${alert.referenceAt}`;
    case "band":
      return `band ${alert.previousBand ?? "none"} → ${alert.band} (score ${shown(alert.score)})`;
    case "noContact":
      return `no contact for ${shown(alert.daysSinceContact)} days (last ${alert.lastContactAt})`;
  }
}

type NameLookup = (id: string) => string;

function lookup(names: ReadonlyMap<unknown, unknown> | Readonly<Record<string, string>> | undefined, path: string): NameLookup {
  if (names === undefined) return (id) => id;
  if (names instanceof Map) {
    for (const [key, name] of names) {
      if (typeof key !== "string" || typeof name !== "string") {
        throw new ValidationError([{ path, message: `must map ids (strings) to names (strings) (got ${describeValue(key)} → ${describeValue(name)})` }]);
      }
    }
    return (id) => (names.get(id) as string | undefined) ?? id;
  }
  const record = names as Readonly<Record<string, string>>;
  return (id) => (Object.hasOwn(record, id) ? record[id]! : id);
}

// Budgets of one section's parts (escaped characters), together under Slack's 3000 per section text.
const CUSTOMER_BUDGET = 800;
const RULE_BUDGET = 600;
const DETAIL_BUDGET = 1400;
const TITLE_BUDGET = 150;

function alertSection(alert: HealthAlert, customerName: NameLookup, ruleName: NameLookup): SlackSectionBlock {
  const text = [
    `*Customer:* ${escapedWithin(customerName(alert.customerId), CUSTOMER_BUDGET)}`,
    `*Rule:* ${escapedWithin(ruleName(alert.ruleId), RULE_BUDGET)}`,
    `*Values:* ${escapedWithin(describeAlert(alert), DETAIL_BUDGET)}`,
    `*Date:* ${escapedWithin(alert.at, 20)}`,
  ].join("\n");
  return { type: "section", text: { type: "mrkdwn", text } };
}

/**
 * Turns health alerts into Slack Block Kit messages: one section per alert with the customer, the
 * rule, the values and the date, split into as many messages as Slack's limits need.
 *
 * @remarks
 * Each message is `{ text, blocks }`: a title section ("*Health alerts* (1/2) · 60 alerts") and then
 * one section per alert, in the order given (evaluateAlerts sorts by date, customer, rule):
 * "*Customer:* …", "*Rule:* …", "*Values:* …" (threshold: `logins 40, below 50`; drop:
 * `logins 30, down 40% from 50 on 2025-01-31`; band: `band normal → bad (score 35)`; no contact:
 * `no contact for 45 days (last 2025-11-10)`; numbers to at most 2 decimals) and "*Date:* …". Every
 * text from the data (names, ids, measure names, the title) is escaped for mrkdwn — & → `&amp;`,
 * < → `&lt;`, > → `&gt;` as Slack's "Formatting text" docs ask — so an id like `<!channel>` cannot
 * notify a channel or forge a link. Limits (Slack's Block Kit reference): at most 50 blocks per message
 * and 3000 characters per section text; over-long names are cut with "…" (customer 800, rule 600,
 * values 1400 escaped characters) so that a section never exceeds 3000. Slack also rejects messages
 * whose blocks hold more text in total than an undocumented limit near 13,000 characters
 * (`msg_blocks_too_long`, slackapi/bolt-js#2509), so a message holds at most `maxCharacters` (default
 * 12000) characters of block text. Post the messages in order; no network call is made here.
 *
 * @param alerts - Alerts as returned by {@link index!evaluateAlerts} (or their JSON round trip); not mutated.
 * @param options - `title`, `customerNames`, `ruleNames`, `maxBlocks` (default 50), `maxCharacters` (default 12000).
 * @returns The messages; an empty array when there is no alert.
 * @throws {@link index!ValidationError} when `alerts` is not an array, an alert is not one
 * evaluateAlerts returns (`alerts[2].kind`, `alerts[2].value`), or an option is invalid
 * (`options.maxBlocks`, `options.customerNames`).
 * @example
 * ```ts
 * import { alertsToSlack } from "cs-metrics/slack";
 * const messages = alertsToSlack([
 *   { kind: "threshold", ruleId: "low-logins", customerId: "R&D <Tokyo>", at: "2025-02-28", measure: "logins", value: 40, side: "below", limit: 50 },
 * ]);
 * messages.length; //=> 1
 * messages[0]!.blocks[1]!.text.text; //=> "*Customer:* R&amp;D &lt;Tokyo&gt;\n*Rule:* low-logins\n*Values:* logins 40, below 50\n*Date:* 2025-02-28"
 * ```
 */
export function alertsToSlack(alerts: readonly HealthAlert[], options: AlertsToSlackOptions = {}): SlackMessage[] {
  const parsedOptions = OptionsSchema.safeParse(readOptions(options));
  if (!parsedOptions.success) {
    throw new ValidationError(parsedOptions.error.issues.map((issue) => ({ path: formatPath("options", issue.path), message: issue.message })));
  }
  const { title, maxBlocks, maxCharacters } = parsedOptions.data;
  const customerName = lookup(parsedOptions.data.customerNames, "options.customerNames");
  const ruleName = lookup(parsedOptions.data.ruleNames, "options.ruleNames");
  if (!Array.isArray(alerts)) throw new ValidationError([{ path: "alerts", message: `must be an array of alerts from evaluateAlerts (got ${describeValue(alerts)})` }]);
  const issues: { path: string; message: string }[] = [];
  const sections: SlackSectionBlock[] = [];
  alerts.forEach((alert, index) => {
    const parsed = AlertSchema.safeParse(alert);
    if (parsed.success) sections.push(alertSection(parsed.data, customerName, ruleName));
    else for (const issue of parsed.error.issues) issues.push({ path: formatPath(`alerts[${index}]`, issue.path), message: issue.message });
  });
  if (issues.length > 0) throw new ValidationError(issues);

  // Titles hold a count "(12/12)": reserve its longest form when filling a message.
  const heading = escapedWithin(title, TITLE_BUDGET);
  const titleReserve = `*${heading}* (${sections.length}/${sections.length}) · ${sections.length} alerts`.length;
  const chunks: SlackSectionBlock[][] = [];
  let current: SlackSectionBlock[] = [];
  let characters = titleReserve;
  for (const section of sections) {
    if (current.length > 0 && (current.length + 1 >= maxBlocks || characters + section.text.text.length > maxCharacters)) {
      chunks.push(current);
      current = [];
      characters = titleReserve;
    }
    current.push(section);
    characters += section.text.text.length;
  }
  if (current.length > 0) chunks.push(current);
  const noun = sections.length === 1 ? "alert" : "alerts";
  return chunks.map((chunk, index) => {
    const part = chunks.length > 1 ? ` (${index + 1}/${chunks.length})` : "";
    const titleText = `*${heading}*${part} · ${sections.length} ${noun}`;
    return {
      text: `${heading}${part}: ${sections.length} ${noun}`,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: titleText } }, ...chunk],
    };
  });
}
