/**
 * The one order of ids (customers, contracts, users) that every result list is sorted by.
 * @module
 */

/** Deterministic id order: by UTF-16 code units, so results never depend on the locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
