import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, valueFromASTUntyped } from 'graphql';

/**
 * The runnable examples, `examples/<audience>/*.graphql` at the repository root:
 * two levels up from this file both in `src/server/` and, compiled, in
 * `dist/server/` (tsconfig.build.json maps src/ onto dist/ one to one).
 */
const EXAMPLES_DIR = new URL('../../examples/', import.meta.url);

/** Who the examples are for, in the order the README introduces them; other folders follow by name. */
const AUDIENCES = ['analyst', 'push-service', 'dashboard'];

export interface Example {
  /** Relative to examples/, e.g. `analyst/node-by-id.graphql`. */
  file: string;
  audience: string;
  /** The operation's name, which GraphiQL shows as the tab's title. */
  name: string;
  /** The file as written, comment header included. */
  query: string;
  /** Each variable's default value, so a reader sees what to change. */
  defaults: Record<string, unknown>;
}

/** Every example, read and parsed; none when the folder is absent (a copy of dist/ alone). */
export function loadExamples(dir: URL = EXAMPLES_DIR): Example[] {
  let audiences: string[];
  try {
    audiences = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const rank = (audience: string) => (AUDIENCES.includes(audience) ? AUDIENCES.indexOf(audience) : AUDIENCES.length);
  audiences.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const examples: Example[] = [];
  for (const audience of audiences) {
    const folder = new URL(`${audience}/`, dir);
    // Numbered files (1-…, 2-…) give the reading order, 10 after 9.
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.graphql'))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const file of files) examples.push(readExample(`${audience}/${file}`, readFileSync(new URL(file, folder), 'utf8'), audience));
  }
  return examples;
}

function readExample(file: string, query: string, audience: string): Example {
  // The explorer page embeds each query in an inline script as JSON, which escapes no '<'.
  if (/<\/script|<!--/i.test(query)) throw new Error(`examples/${file}: "</script" and "<!--" cannot go into the explorer page`);
  const operations = parse(query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation?.name) throw new Error(`examples/${file}: one named operation per file`);
  const defaults: Record<string, unknown> = {};
  for (const variable of operation.variableDefinitions ?? []) {
    if (variable.defaultValue) defaults[variable.variable.name.value] = valueFromASTUntyped(variable.defaultValue);
  }
  return { file, audience, name: operation.name.value, query, defaults };
}
