// Validates workflow and action files with GitHub's own parser (@actions/workflow-parser), printing one JSON array:
// per file its errors and, when valid, the jobs (workflows) or inputs, outputs and runner (actions).
import { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from "@actions/workflow-parser";
import { parseAction, convertActionTemplate } from "@actions/workflow-parser/actions/index";
import fs from "node:fs";
const results = [];
for (const file of process.argv.slice(2)) {
  const content = fs.readFileSync(file, "utf8");
  const isAction = /(^|\/)action\.ya?ml$/.test(file);
  const trace = new NoOperationTraceWriter();
  const parsed = isAction ? parseAction({ name: file, content }, trace) : parseWorkflow({ name: file, content }, trace);
  const errors = parsed.context.errors.getErrors().map(e => e.message);
  let info = {};
  if (errors.length === 0 && parsed.value) {
    if (isAction) {
      const t = convertActionTemplate(parsed.context, parsed.value);
      info = { inputs: (t.inputs||[]).map(i => i.id), outputs: (t.outputs||[]).map(o => o.id), using: t.runs?.using };
    } else {
      const t = await convertWorkflowTemplate(parsed.context, parsed.value);
      errors.push(...(t.errors||[]).map(e => e.Message || e.message));
      info = { jobs: (t.jobs||[]).map(j => j.id?.value ?? j.id) };
    }
  }
  results.push({ file, errors, ...info });
}
console.log(JSON.stringify(results));
