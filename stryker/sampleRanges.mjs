// Draws a random sample of source windows for a quicker mutation run: each 8-line window of each
// file is kept with probability p (a fixed-seed LCG, so the sample is reproducible), printed as
// Stryker mutate ranges. Mutants wholly inside a kept window are run.
// Usage: npx stryker run --ignoreStatic --mutate "$(node stryker/sampleRanges.mjs 0.25 7 src/a.ts src/b.ts …)"
import { readFileSync } from "node:fs";

const [p, seed, ...files] = process.argv.slice(2);
let state = Number(seed) >>> 0;
const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const ranges = [];
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n").length;
  for (let start = 1; start <= lines; start += 8) {
    if (random() < Number(p)) ranges.push(`${file}:${start}-${Math.min(start + 7, lines)}`);
  }
}
console.log(ranges.join(","));
