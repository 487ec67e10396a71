// Usage: node scripts/trusted-documents.mjs [--out FILE] [DIR or FILE.graphql ...]
// Writes the trusted documents for GONGKAI_TRUSTED_DOCUMENTS as Apollo's persisted query manifest: one operation per
// .graphql file (default: every file under examples/), its id the SHA-256 of the file's text, the body the text as
// written, so a client sending the file as it is (the explorer's tabs) matches as well as one sending the hash alone.
// Every document is checked against the committed schema.graphql; the server checks them again at start.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, validate } from 'graphql';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
let out = 'trusted-documents.json';
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i];
  else inputs.push(args[i]);
}
if (!out) fail('--out needs a file name');
if (!inputs.length) inputs.push(path.join(root, 'examples'));

const files = inputs.flatMap((input) => graphqlFiles(path.resolve(input))).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
if (!files.length) fail(`no .graphql files in ${inputs.join(', ')}`);
const schema = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
const operations = files.map((file) => {
  const body = readFileSync(file, 'utf8');
  let document;
  try {
    document = parse(body);
  } catch (err) {
    fail(`${file}: ${err.message}`);
  }
  const errors = validate(schema, document);
  if (errors.length) fail(`${file}: ${errors[0].message}`);
  const definitions = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (definitions.length !== 1) fail(`${file}: one operation per file, found ${definitions.length}`);
  const [operation] = definitions;
  return { id: createHash('sha256').update(body, 'utf8').digest('hex'), name: operation.name?.value ?? path.basename(file, '.graphql'), type: operation.operation, body };
});
writeFileSync(out, `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`);
console.log(`${out}: ${operations.length} operation(s) from ${files.length} file(s)`);

function graphqlFiles(input) {
  if (!statSync(input, { throwIfNoEntry: false })) fail(`${input} does not exist`);
  if (!statSync(input).isDirectory()) return [input];
  return readdirSync(input, { recursive: true })
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => path.join(input, f));
}

function fail(message) {
  console.error(`trusted-documents: ${message}`);
  process.exit(1);
}
