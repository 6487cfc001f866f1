/**
 * Per-customer rows built on first read. A result such as {@link RevenueMovements} carries its totals
 * as plain values and its rows (a `Decimal` or three per customer) as an own, enumerable property
 * whose getter builds them once, then replaces itself with an ordinary data property holding the
 * array. Callers that read a total pay for the totals only; `result.customers`, `{ ...result }`,
 * `JSON.stringify(result)`, `structuredClone(result)` and vitest's `toEqual` all read the property as
 * usual and see the same array. `console.log(result)` shows `[Getter/Setter]` until it is read: the
 * result holds no function-valued property, not even a non-enumerable inspect hook.
 * @module
 */

/**
 * Defines `target[key]` as an own, enumerable property whose value is `build()`, called on first
 * read (or never). After that read — or an assignment — it is an ordinary writable data property,
 * in the same key position. Returns `target`, typed with the property.
 *
 * @param target - A fresh result object (its other properties already set).
 * @param key - The rows' property name; usually `"customers"`.
 * @param build - Builds the rows; called at most once.
 */
export function withLazyRows<T extends object, K extends string, V>(target: T, key: K, build: () => V): T & { readonly [P in K]: V } {
  const settle = (value: V): V => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(build()),
    set: settle,
  });
  return target as T & { readonly [P in K]: V };
}
