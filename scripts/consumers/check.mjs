// ajv (JSON Schema draft 2020-12, strict, with formats) on every JSON record, and the offsets as
// JavaScript must count them (code points, not UTF-16 units).
// usage: node check.mjs DATASET_DIR   (needs ajv and ajv-formats, from NODE_PATH or node_modules)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats");
const d = process.argv[2];
const manifest = JSON.parse(readFileSync(`${d}/manifest.json`, "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
let failed = 0;
for (const [file, schema] of [["articles", "article"], ["actors", "actor"], ["incidents", "incident"], ["statements", "statement"], ["outcomes", "outcome"]]) {
  const validate = ajv.compile(JSON.parse(readFileSync(`${d}/schema/${manifest.schema_version}/${schema}.schema.json`, "utf8")));
  const records = JSON.parse(readFileSync(`${d}/${file}.json`, "utf8"));
  const errors = records.filter((r) => !validate(r)).length;
  failed += errors;
  console.log(`ajv ${require("ajv/package.json").version} (2020-12, strict) ${file}.json: ${records.length} records, ${errors} invalid`);
}
const texts = Object.fromEntries(JSON.parse(readFileSync(`${d}/articles.json`, "utf8")).map((a) => [a.id, Array.from(a.text)]));
const statements = JSON.parse(readFileSync(`${d}/statements.json`, "utf8"));
const wrong = statements.filter((s) => texts[s.article].slice(s.start, s.end).join("") !== s.quote).length;
const naive = statements.filter((s) => texts[s.article].join("").slice(s.start, s.end) !== s.quote).length;
console.log(`node ${process.version}: Array.from(text).slice(start, end) == quote for ${statements.length - wrong} of ${statements.length}; `
  + `text.slice(start, end) (UTF-16 units) would be wrong for ${naive}`);
process.exit(failed + wrong > 0 ? 1 : 0);
