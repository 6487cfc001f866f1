// Per-file mutation scores from the JSON-lines log of stryker/mutantLogReporter.mjs (the last result
// of each file + location + mutator + replacement counts, so a log appended by several runs is fine).
// Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's definition;
// ignored, compile-error and runtime-error mutants do not count.
// Usage: node stryker/mutantLogSummary.mjs [log] [--survivors]
import { readFileSync } from "node:fs";
import { relative } from "node:path";

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--")) ?? "reports/mutation/mutants.jsonl";
const showSurvivors = args.includes("--survivors");
const latest = new Map();
for (const text of readFileSync(file, "utf8").split("\n")) {
  if (text.trim() === "") continue;
  const row = JSON.parse(text);
  const where = `${row.location.start.line}:${row.location.start.column}-${row.location.end.line}:${row.location.end.column}`;
  latest.set(`${row.fileName}|${where}|${row.mutatorName}|${row.replacement}`, row);
}
const perFile = new Map();
const empty = () => ({ Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 });
for (const row of latest.values()) {
  const name = relative(process.cwd(), row.fileName).replace(/^.*?(src\/)/, "$1");
  const counts = perFile.get(name) ?? empty();
  if (row.status in counts && row.status !== "other") counts[row.status]++;
  else counts.other++;
  perFile.set(name, counts);
}
const score = (c) => {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return valid === 0 ? "  n/a" : ((100 * (c.Killed + c.Timeout)) / valid).toFixed(2).padStart(6);
};
const total = empty();
console.log("score   killed timeout survived nocov other  file");
for (const [name, c] of [...perFile].sort(([a], [b]) => a.localeCompare(b))) {
  for (const key of Object.keys(total)) total[key] += c[key];
  console.log(`${score(c)}  ${String(c.Killed).padStart(6)} ${String(c.Timeout).padStart(7)} ${String(c.Survived).padStart(8)} ${String(c.NoCoverage).padStart(5)} ${String(c.other).padStart(5)}  ${name}`);
}
console.log(`${score(total)}  ${String(total.Killed).padStart(6)} ${String(total.Timeout).padStart(7)} ${String(total.Survived).padStart(8)} ${String(total.NoCoverage).padStart(5)} ${String(total.other).padStart(5)}  all (${latest.size} mutants)`);
if (showSurvivors) {
  for (const row of latest.values()) {
    if (row.status !== "Survived" && row.status !== "NoCoverage") continue;
    const name = row.fileName.replace(/^.*?(src\/)/, "$1");
    console.log(`${row.status}\t${name}:${row.location.start.line}:${row.location.start.column}\t${row.mutatorName}\t${String(row.replacement).replace(/\s+/g, " ").slice(0, 100)}`);
  }
}
