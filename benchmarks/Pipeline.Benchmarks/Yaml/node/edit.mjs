// Applies the benchmark plan with the npm `yaml` Document API (parseAllDocuments + setIn + toString), the way a
// GitOps bump script usually does it. Each round reads every file of the plan, edits it and writes it to OUT; the
// time of each round is printed as JSON. Usage: node edit.mjs TREE PLAN OUT [ROUNDS]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import YAML from 'yaml';

const [, , treeDir, planPath, outDir, roundsText] = process.argv;
const rounds = Number(roundsText ?? '1');
const plan = JSON.parse(readFileSync(planPath, 'utf8'));

const podSpecPaths = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function edit(entry, text) {
  const docs = YAML.parseAllDocuments(text);
  switch (entry.kind) {
    case 'helm': {
      const doc = docs[0];
      const prefix = entry.path.split('.');
      doc.setIn([...prefix, 'repository'], entry.repository);
      doc.setIn([...prefix, 'tag'], entry.tag);
      doc.setIn([...prefix, 'digest'], entry.digest);
      break;
    }
    case 'container': {
      for (const doc of docs) {
        const path = podSpecPaths[doc.get('kind')];
        if (!path) continue;
        for (const list of ['containers', 'initContainers']) {
          const seq = doc.getIn([...path, list]);
          if (!seq) continue;
          seq.items.forEach((item, index) => {
            if (item.get('name') === entry.container) doc.setIn([...path, list, index, 'image'], entry.reference);
          });
        }
      }
      break;
    }
    case 'kustomize': {
      const doc = docs[0];
      doc.get('images').items.forEach((item, index) => {
        if (item.get('name') === entry.name) {
          doc.setIn(['images', index, 'newTag'], entry.tag);
          doc.setIn(['images', index, 'digest'], entry.digest);
        }
      });
      break;
    }
    default:
      throw new Error(`unknown edit kind ${entry.kind}`);
  }
  return docs.map((doc) => doc.toString()).join('');
}

const milliseconds = [];
for (let round = 0; round < rounds; round++) {
  const start = process.hrtime.bigint();
  plan.forEach((entry) => {
    const text = readFileSync(join(treeDir, entry.file), 'utf8');
    const target = join(outDir, entry.file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, edit(entry, text), 'utf8');
  });
  milliseconds.push(Number(process.hrtime.bigint() - start) / 1e6);
}
console.log(JSON.stringify({ milliseconds }));
