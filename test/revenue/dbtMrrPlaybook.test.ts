/**
 * External reference: the sample data of dbt Labs' public MRR playbook (`mrr-playbook`, its
 * `data/subscription_periods.csv` seed, kept with its MIT licence in test/fixtures/dbt-mrr-playbook/). That project classifies every
 * customer-month as new / reactivation / upgrade / downgrade / churn by comparing it with the previous
 * month; ours are new / reactivation / expansion / contraction / churn over `month(...)` periods.
 *
 * The expected figures are NOT taken from cs-metrics: they come from an independent, naive restatement
 * of the playbook's rules written here (no code copied from either project):
 *   - a customer-month is active when start_date ≤ month_start < end_date, its MRR the sum of the
 *     monthly amounts of those periods;
 *   - each month is compared with the previous month: the first active month ever is new; active after
 *     an inactive month (having been active before) is reactivation; active in both with more MRR is an
 *     upgrade, with less a downgrade; the first inactive month after an active one is churn.
 * Every date in the file is the 1st of a month, so "active at month_start" is the same as our "MRR on
 * the month's last day" (M1), and the previous month's state is our M0.
 * A few rows are also derived by hand from the CSV below, as a check of the naive statement itself.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ContractInput, contractBook, month, revenueMovements } from "../../src/index.js";
import { expectDecimal } from "../support/decimals.js";

const CSV_URL = new URL("../fixtures/dbt-mrr-playbook/subscription_periods.csv", import.meta.url);

interface SubscriptionPeriod {
  subscriptionId: string;
  customerId: string;
  startDate: string;
  endDate: string;
  monthlyAmount: number;
}

function readPeriods(): SubscriptionPeriod[] {
  const [header, ...lines] = readFileSync(CSV_URL, "utf8").trim().split(/\r?\n/);
  expect(header).toBe("subscription_id,customer_id,start_date,end_date,monthly_amount");
  return lines.map((text) => {
    const [subscriptionId = "", customerId = "", startDate = "", endDate = "", amount = ""] = text.split(",");
    return { subscriptionId, customerId, startDate, endDate, monthlyAmount: Number(amount) };
  });
}

type DbtCategory = "new" | "reactivation" | "upgrade" | "downgrade" | "churn";
const OUR_NAME: Record<DbtCategory, string> = { new: "new", reactivation: "reactivation", upgrade: "expansion", downgrade: "contraction", churn: "churn" };

/** `YYYY-MM-01` of every month from `first` (YYYY-MM) to `last` inclusive. */
function monthStarts(first: string, last: string): string[] {
  const result: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  for (;;) {
    const text = `${y}-${String(m).padStart(2, "0")}`;
    result.push(`${text}-01`);
    if (text === last) return result;
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
}

/** The naive playbook classification: per month start, customer → [category, amount of the change]. */
function naiveClassification(periods: readonly SubscriptionPeriod[], months: readonly string[]): Map<string, Map<string, [DbtCategory, number]>> {
  const customers = [...new Set(periods.map((p) => p.customerId))];
  const mrrAt = (customerId: string, monthStart: string): number =>
    periods
      .filter((p) => p.customerId === customerId && p.startDate <= monthStart && monthStart < p.endDate)
      .reduce((sum, p) => sum + p.monthlyAmount, 0);
  const result = new Map<string, Map<string, [DbtCategory, number]>>();
  for (const monthStart of months) result.set(monthStart, new Map());
  for (const customerId of customers) {
    let previous = 0;
    let everActive = false;
    for (const monthStart of months) {
      const current = mrrAt(customerId, monthStart);
      let entry: [DbtCategory, number] | null = null;
      if (current > 0 && !everActive) entry = ["new", current];
      else if (current > 0 && previous === 0) entry = ["reactivation", current];
      else if (current > 0 && current > previous) entry = ["upgrade", current - previous];
      else if (current > 0 && current < previous) entry = ["downgrade", previous - current];
      else if (current === 0 && previous > 0) entry = ["churn", previous];
      if (entry !== null) result.get(monthStart)!.set(customerId, entry);
      if (current > 0) everActive = true;
      previous = current;
    }
  }
  return result;
}

describe("dbt MRR playbook sample data: monthly movements reproduce its classification", () => {
  const periods = readPeriods();
  const records: ContractInput[] = periods.map((p) => ({
    id: p.subscriptionId,
    customerId: p.customerId,
    start: p.startDate,
    end: p.endDate,
    amount: p.monthlyAmount,
    currency: "USD",
  }));
  const book = contractBook(records);
  // The data runs 2017-09 … 2020-02 (the last end_date is 2020-02-01); the naive scan starts at the
  // first month so "ever active" is right, and the comparison runs from 2018-01 to 2020-03.
  const allMonths = monthStarts("2017-09", "2020-03");
  const expected = naiveClassification(periods, allMonths);
  const compared = allMonths.filter((monthStart) => monthStart >= "2018-01-01");

  it("reads the 121 subscription periods of 55 customers", () => {
    expect(periods).toHaveLength(121);
    expect(new Set(periods.map((p) => p.customerId)).size).toBe(55);
    expect(book.customers).toHaveLength(55);
  });

  it("the naive statement matches a hand derivation for customer 1", () => {
    // CSV: 1,1,2018-11-01,2019-02-01,50 · 2,1,2019-04-01,2019-06-01,50 · 3,1,2019-06-01,2019-08-01,75
    // → 2018-11 new 50 · 2019-02 churn 50 · 2019-04 reactivation 50 · 2019-06 upgrade 25 · 2019-08 churn 75
    const forCustomer1 = [...expected].flatMap(([monthStart, byCustomer]) => {
      const entry = byCustomer.get("1");
      return entry === undefined ? [] : [[monthStart.slice(0, 7), ...entry]];
    });
    expect(forCustomer1).toEqual([
      ["2018-11", "new", 50],
      ["2019-02", "churn", 50],
      ["2019-04", "reactivation", 50],
      ["2019-06", "upgrade", 25],
      ["2019-08", "churn", 75],
    ]);
  });

  it.each(compared.map((monthStart) => [monthStart.slice(0, 7)]))("%s: same classification per customer, same counts and amounts per class", (label) => {
    const movements = revenueMovements(book, month(label));
    const naive = expected.get(`${label}-01`)!;
    // Per customer (flat customers have no playbook category).
    const ours = movements.customers
      .filter((row) => row.movement !== "flat")
      .map((row) => [row.customerId, row.movement, row.change.abs().toNumber()] as const);
    const theirs = [...naive]
      .map(([customerId, [category, amount]]) => [customerId, OUR_NAME[category], amount] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    expect(ours).toEqual(theirs);
    // Per class: counts and amounts.
    const tally = (category: DbtCategory): [number, number] => {
      const entries = [...naive.values()].filter(([c]) => c === category);
      return [entries.length, entries.reduce((sum, [, amount]) => sum + amount, 0)];
    };
    const [newCount, newAmount] = tally("new");
    const [reactivationCount, reactivationAmount] = tally("reactivation");
    const [upgradeCount, upgradeAmount] = tally("upgrade");
    const [downgradeCount, downgradeAmount] = tally("downgrade");
    const [churnCount, churnAmount] = tally("churn");
    expect([movements.newCustomers, movements.reactivatedCustomers, movements.expandedCustomers, movements.contractedCustomers, movements.churnedCustomers]).toEqual([
      newCount,
      reactivationCount,
      upgradeCount,
      downgradeCount,
      churnCount,
    ]);
    expectDecimal(movements.newMrr, newAmount);
    expectDecimal(movements.reactivationMrr, reactivationAmount);
    expectDecimal(movements.expansionMrr, upgradeAmount);
    expectDecimal(movements.contractionMrr, downgradeAmount);
    expectDecimal(movements.churnedMrr, churnAmount);
  });

  it("the months chain over the whole history: Σ net new MRR from 2018-01 = MRR on 2020-03-31 − MRR on 2017-12-31", () => {
    const first = revenueMovements(book, month("2018-01"));
    const last = revenueMovements(book, month("2020-03"));
    const net = compared.reduce((sum, monthStart) => sum + revenueMovements(book, month(monthStart.slice(0, 7))).netNewMrr.toNumber(), 0);
    expect(net).toBe(last.endingMrr.minus(first.startingMrr).toNumber());
    expectDecimal(last.endingMrr, 0); // everything has ended by 2020-02-01
  });
});
