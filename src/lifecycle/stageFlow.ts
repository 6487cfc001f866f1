/**
 * Stage flow: how many customers moved from each lifecycle stage to each other one between two dates.
 * @module
 */
import { z } from "zod";
import { type CalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { compareIds } from "../ids/compareIds.js";
import { CalendarDateSchema, IdSchema, describeValue, formatPath } from "../schemas/primitives.js";
import { LIFECYCLE_STAGES, type LifecycleStage, type LifecycleStages } from "./lifecycleStages.js";

/** A stage in a flow: a lifecycle stage, or `"none"` for a customer without one on that date. */
export type FlowStage = LifecycleStage | "none";

/** Customers that were in `from` on the first date and in `to` on the second. */
export interface StageMove {
  readonly from: FlowStage;
  readonly to: FlowStage;
  readonly customers: number;
}

/** {@link stageFlow}'s result. */
export interface StageFlow {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** Every pair with at least one customer, `"none"` first then stages in lifecycle order (from, then to). */
  readonly moves: readonly StageMove[];
  /** Customers in the same stage on both dates. */
  readonly stayed: number;
  /** Customers whose stage changed (into or out of `"none"` included). */
  readonly moved: number;
}

const FLOW_ORDER: readonly FlowStage[] = ["none", ...LIFECYCLE_STAGES];

const StagesSchema = z.object({
  on: CalendarDateSchema,
  customers: z.array(z.object({
    customerId: IdSchema,
    stage: z.enum(LIFECYCLE_STAGES, { error: () => `must be one of ${LIFECYCLE_STAGES.map((stage) => JSON.stringify(stage)).join(", ")}` }),
  }, { error: (issue) => `must be { customerId, stage } (got ${describeValue(issue.input)})` }), {
    error: (issue) => `must be an array (got ${describeValue(issue.input)})`,
  }),
}, { error: (issue) => `must be a lifecycleStages(…) result (got ${describeValue(issue.input)})` });

function readStages(value: unknown, root: string, issues: ValidationIssue[]): { on: CalendarDate; stages: Map<string, LifecycleStage> } | null {
  const parsed = StagesSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ path: formatPath(root, issue.path), message: issue.message });
    return null;
  }
  const stages = new Map<string, LifecycleStage>();
  parsed.data.customers.forEach(({ customerId, stage }, index) => {
    if (stages.has(customerId)) issues.push({ path: `${root}.customers[${index}].customerId`, message: `duplicate customer ${JSON.stringify(customerId)}` });
    stages.set(customerId, stage);
  });
  return { on: parsed.data.on, stages };
}

/**
 * How many customers moved between each pair of lifecycle stages from one date to another.
 *
 * @remarks Pairs each customer's stage in `from` with its stage in `to`; a customer listed in only
 * one of them is `"none"` on the other date (a new trial: none → trial; a lapsed trial: trial →
 * none). Flows conserve customers: Σ moves = customers listed in either, and the moves out of a
 * stage sum to its count on the first date. Read with {@link onboardingStatus} computed on the later
 * date, so the earlier stages see the completion dates known then. The moves are the cells of a
 * stage transition matrix (or the links of a Sankey diagram).
 * @param from - {@link lifecycleStages} on the earlier date (as returned or after a JSON round trip); not mutated.
 * @param to - {@link lifecycleStages} on the later date; not mutated.
 * @returns The non-empty moves, and how many stayed and moved.
 * @throws {@link ValidationError} naming the field (`from.customers[2].stage`, a duplicate
 * `to.customers[3].customerId`), or `to.on` before `from.on`.
 * @example
 * ```ts
 * import { lifecycleStages, stageFlow } from "cs-metrics";
 * const contracts = [
 *   { id: "1", customerId: "acme", start: "2025-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "beta", start: "2025-01-01", end: "2025-03-01", amount: 100, currency: "USD" },
 * ];
 * const flow = stageFlow(lifecycleStages(contracts, { on: "2025-02-01" }), lifecycleStages(contracts, { on: "2025-04-01" }));
 * flow.moves.map((m) => `${m.from}→${m.to} ${m.customers}`); //=> ["adoption→adoption 1", "adoption→churned 1"]
 * ```
 */
export function stageFlow(from: LifecycleStages, to: LifecycleStages): StageFlow {
  const issues: ValidationIssue[] = [];
  const start = readStages(from, "from", issues);
  const end = readStages(to, "to", issues);
  if (start !== null && end !== null && parseCalendarDate(end.on)! < parseCalendarDate(start.on)!) {
    issues.push({ path: "to.on", message: `must not be before from.on (${start.on}) (got ${end.on})` });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const ids = [...new Set([...start!.stages.keys(), ...end!.stages.keys()])].sort(compareIds);
  const tally = new Map<string, number>();
  let stayed = 0;
  for (const id of ids) {
    const a = start!.stages.get(id) ?? "none";
    const b = end!.stages.get(id) ?? "none";
    if (a === b) stayed++;
    const key = `${a}>${b}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const moves: StageMove[] = [];
  for (const a of FLOW_ORDER) {
    for (const b of FLOW_ORDER) {
      const customers = tally.get(`${a}>${b}`);
      if (customers !== undefined) moves.push({ from: a, to: b, customers });
    }
  }
  return { from: start!.on, to: end!.on, moves, stayed, moved: ids.length - stayed };
}
