// The npm registry mirror these machines use lacks some platform-specific optional packages
// (e.g. @rollup/rollup-android-*, @duckdb/node-bindings-darwin-*), so `npm install` leaves them out of
// package-lock.json and `npm ci` then refuses the lockfile as out of sync. This adds a lockfile entry
// for every optional dependency that is declared but missing, marked optional, with the os/cpu it is
// built for (read from its name), so `npm ci` skips it on other platforms exactly as it would with the
// full registry. Run after any `npm install`: node .ci/fill-lockfile-optionals.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "openbsd", "win32", "sunos", "aix", "openharmony", "netbsd"];
const CPU = ["arm64", "arm", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasm32"];

function platformOf(name) {
  const tokens = name.split("/").pop().split("-");
  const os = tokens.find((token) => OS.includes(token));
  const cpu = tokens.find((token) => CPU.includes(token)) ?? (tokens.includes("gnueabihf") || tokens.includes("eabi") ? "arm" : undefined);
  const libc = tokens.includes("musl") || tokens.includes("musleabihf") ? "musl" : os === "linux" ? "glibc" : undefined;
  return { os, cpu, libc };
}

function resolveFrom(parentPath, name) {
  // npm's lookup: nested node_modules first, then each ancestor, then the root.
  let base = parentPath;
  for (;;) {
    const candidate = base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === "") return null;
    const index = base.lastIndexOf("/node_modules/");
    base = index < 0 ? "" : base.slice(0, index);
  }
}

let added = 0;
for (const [path, entry] of Object.entries({ ...packages })) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolveFrom(path, name) !== null) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      console.warn(`skipped ${name}@${spec} (not an exact version) needed by ${path || "the root"}`);
      continue;
    }
    const { os, cpu, libc } = platformOf(name);
    if (os === undefined && cpu === undefined) {
      console.warn(`skipped ${name}@${spec}: not a platform package`);
      continue;
    }
    const filled = { version: spec, optional: true };
    if (entry.dev) filled.dev = true;
    if (cpu) filled.cpu = [cpu];
    if (libc) filled.libc = [libc];
    if (os) filled.os = [os];
    packages[`node_modules/${name}`] = filled;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} missing optional platform entries to package-lock.json`);
