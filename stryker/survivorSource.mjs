// Prints each surviving / uncovered mutant of a mutant log with the original source text it replaces.
// Usage: node stryker/survivorSource.mjs [log] [path-filter]
import { readFileSync } from "node:fs";

const [file = "reports/mutation/mutants.jsonl", filter = ""] = process.argv.slice(2);
const latest = new Map();
for (const text of readFileSync(file, "utf8").split("\n")) {
  if (text.trim() === "") continue;
  const row = JSON.parse(text);
  const { start, end } = row.location;
  latest.set(`${row.fileName}|${start.line}:${start.column}-${end.line}:${end.column}|${row.mutatorName}|${row.replacement}`, row);
}
const sources = new Map();
for (const row of latest.values()) {
  if (row.status !== "Survived" && row.status !== "NoCoverage") continue;
  if (!row.fileName.includes(filter)) continue;
  let lines = sources.get(row.fileName);
  if (lines === undefined) {
    try {
      lines = readFileSync(row.fileName, "utf8").split("\n");
    } catch {
      lines = [];
    }
    sources.set(row.fileName, lines);
  }
  const { start, end } = row.location;
  const original =
    start.line === end.line
      ? (lines[start.line - 1] ?? "").slice(start.column, end.column)
      : `${(lines[start.line - 1] ?? "").slice(start.column)} …`;
  const name = row.fileName.replace(/^.*?(src\/)/, "$1");
  const short = (text) => String(text).replace(/\s+/g, " ").slice(0, 90);
  console.log(`${row.status === "NoCoverage" ? "NoCov" : "Surv "} ${name}:${start.line}:${start.column} ${row.mutatorName}: ${short(original)}  →  ${short(row.replacement)}`);
}
