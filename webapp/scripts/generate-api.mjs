// Regenerates src/api/schema.d.ts from the server's OpenAPI schema, so the
// client's types are never hand-copied and never drift from the API.
//
// The schema comes from `labelstack openapi` (the project's virtualenv is
// looked for first, then PATH; LABELSTACK_CLI overrides both).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const webapp = resolve(here, "..");
const venvCli = resolve(webapp, "..", ".venv", "bin", "labelstack");
const cli = process.env.LABELSTACK_CLI ?? (existsSync(venvCli) ? venvCli : "labelstack");

let json;
try {
  json = execFileSync(cli, ["openapi"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
} catch (error) {
  console.error(`could not run "${cli} openapi": ${error.message}`);
  console.error("install the Python package first (make install), or set LABELSTACK_CLI");
  process.exit(1);
}

const ast = await openapiTS(JSON.parse(json), { alphabetize: true, defaultNonNullable: false });
const header = "// Generated from LabelStack's OpenAPI schema by scripts/generate-api.mjs; do not edit.\n\n";
const target = resolve(webapp, "src", "api", "schema.d.ts");
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, header + astToString(ast));
console.log(`wrote ${target}`);
