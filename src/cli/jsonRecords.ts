/**
 * Reading a JSON input (jsonc-parser, for positions): checked as UTF-8 text, its nesting bounded,
 * syntax errors and non-empty arrays of records located by line and column.
 * @module
 */
import { type Node as JsonNode, type ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from "jsonc-parser";
import { CliInputError } from "./cliErrors.js";
import { readInputText } from "./inputText.js";
import { MAX_JSON_DEPTH, tooDeepAt } from "./jsonNesting.js";
import type { LocatedFile, RecordFile, SourcePosition } from "./locatedFile.js";
import { echoed, quoted } from "./terminalText.js";

function positionOf(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Whether the syntax error at `offset` is a `]` or `}` after a comma (allowed in JavaScript, not in JSON). */
function isTrailingComma(text: string, offset: number): boolean {
  return (text[offset] === "]" || text[offset] === "}") && /,\s*$/.test(text.slice(0, offset));
}

/**
 * The first key repeated within one object (JSON.parse and jsonc-parser silently keep the last), with the
 * key node of its first use, or `undefined`. Walks the tree with a stack: the depth is bounded anyway.
 */
function firstDuplicateKey(tree: JsonNode): { key: JsonNode; first: JsonNode } | undefined {
  const stack = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const seen = new Map<unknown, JsonNode>();
    for (const child of node.children ?? []) {
      if (node.type !== "object") {
        stack.push(child);
        continue;
      }
      // a property: [key, value]
      const key = child.children![0]!;
      const first = seen.get(key.value);
      if (first !== undefined) return { key, first };
      seen.set(key.value, key);
      stack.push(child.children![1]!);
    }
  }
  return undefined;
}

/** A JSON file's value, with positions. */
export interface JsonFile extends LocatedFile {
  readonly value: unknown;
  /** The parsed tree (`type` is `"array"`, `"object"`, …). */
  readonly type: string;
}

/**
 * Reads a JSON file.
 * @throws CliInputError for an unreadable file, bytes that are not UTF-8 text, a file of only white
 * space, nesting deeper than {@link MAX_JSON_DEPTH}, invalid JSON (strict: no comments, no trailing
 * commas), or a key repeated in one object.
 */
export function readJsonFile(file: string): JsonFile {
  const text = readInputText(file);
  const located = (offset: number, what: string): CliInputError => {
    const at = positionOf(text, offset);
    return new CliInputError(`${echoed(file)}:${at.line}:${at.column}: ${what}`);
  };
  if (text.trim() === "") throw located(0, "empty file");
  const deep = tooDeepAt(text);
  if (deep >= 0) throw located(deep, `nesting deeper than ${MAX_JSON_DEPTH} levels`);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true })!;
  const first = errors[0];
  if (first !== undefined) {
    const hint = isTrailingComma(text, first.offset) ? ": a comma before the closing bracket (JSON allows no trailing comma)" : "";
    throw located(first.offset, `invalid JSON (${printParseErrorCode(first.error)})${hint}`);
  }
  const duplicate = firstDuplicateKey(tree);
  if (duplicate !== undefined) {
    const first = positionOf(text, duplicate.first.offset);
    throw located(duplicate.key.offset, `duplicate key ${quoted(String(duplicate.key.value))} (also at line ${first.line}, column ${first.column})`);
  }
  return {
    file,
    value: getNodeValue(tree) as unknown,
    type: tree.type,
    locate: (path) => {
      // The closest ancestor that exists; for an object property, point at its key.
      for (let length = path.length; length > 0; length--) {
        const node: JsonNode | undefined = findNodeAtLocation(tree, [...path.slice(0, length)]);
        if (node !== undefined) return positionOf(text, (node.parent!.type === "property" ? node.parent! : node).offset);
      }
      return positionOf(text, tree.offset);
    },
  };
}

/**
 * Reads a JSON file holding a non-empty array of records.
 * @throws CliInputError as {@link readJsonFile}, and when the value is not an array or is empty.
 */
export function readJsonRecords(file: string): RecordFile {
  const json = readJsonFile(file);
  const at = json.locate([]);
  if (json.type !== "array") throw new CliInputError(`${echoed(file)}:${at.line}:${at.column}: must hold a JSON array of records`);
  const records = json.value as unknown[];
  if (records.length === 0) throw new CliInputError(`${echoed(file)}:${at.line}:${at.column}: no records (an empty array)`);
  return { file, records, locate: json.locate };
}
