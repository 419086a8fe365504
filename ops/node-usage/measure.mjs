#!/usr/bin/env node
// Measures which n8n node types public n8n workflow collections use, and how many Weft covers.
// Usage: N8N_TYPES_DIR=<dir with base-nodes.json, lc-nodes.json> node ops/node-usage/measure.mjs --out <usage.md> <bare git dir>...
// Reads only HEAD of each bare git dir (git ls-tree / cat-file); writes the .md and a .json beside it.
// The collections are bare git dirs (the search tool's fetch of github:owner/name); how the n8n
// type lists are made is printed at the top of the .md. Not part of npm test.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { byType, measureOperations, operationsSection } from './operations.mjs';

const args = process.argv.slice(2);
let out = 'node-usage.md', nodesDir = path.join(path.dirname(new URL(import.meta.url).pathname), '../../nodes');
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i];
  else if (args[i] === '--nodes') nodesDir = args[++i];
  else dirs.push(args[i]);
}
if (!dirs.length) throw new Error('Give the bare git dirs of the collections to measure');

// Folders still being built count as covered only in the "after" figure (none now).
const IN_PROGRESS = [];
// Non-node helper folders in nodes/
const NOT_NODES = new Set(['shared','google-shared','testing','transform-shared']);

// Core (non-integration) n8n-nodes-base types: flow control, data transform, generic protocol/file, triggers without a SaaS.
const CORE = new Set(`set if code function functionItem httpRequest merge webhook scheduleTrigger cron interval manualTrigger
start switch filter splitInBatches splitOut aggregate wait noOp stickyNote respondToWebhook executeWorkflow executeWorkflowTrigger
errorTrigger stopAndError dateTime itemLists limit sort summarize removeDuplicates renameKeys html htmlExtract xml markdown
crypto convertToFile extractFromFile readBinaryFile readBinaryFiles writeBinaryFile readWriteFile moveBinaryData spreadsheetFile
compression editImage executeCommand compareDatasets form formTrigger executionData localFileTrigger debugHelper totp jwt graphql
rssFeedRead rssFeedReadTrigger n8n n8nTrigger workflowTrigger readPDF aiTransform evaluation evaluationTrigger simulate
simulateTrigger n8nTrainingCustomerDatastore n8nTrainingCustomerMessenger sseTrigger emailReadImap emailSend ssh ftp
dataTable chat`.split(/\s+/).filter(Boolean).map(s => 'n8n-nodes-base.' + s));
// note: emailSend/emailReadImap/ssh/ftp are generic protocols and dataTable/form are n8n-internal: treated as core (not SaaS).

// Real n8n node type names, from the published packages' dist/types/nodes.json (see usage.md for how to regenerate).
const PKG = process.env.N8N_TYPES_DIR || 'n8n-types';
const VALID = new Set(), TOOLABLE = new Set();
const n8nDescriptions = new Map();
for (const [f, prefix] of [['base-nodes.json', 'n8n-nodes-base.'], ['lc-nodes.json', '@n8n/n8n-nodes-langchain.']]) {
  const list = JSON.parse(readFileSync(path.join(PKG, f), 'utf8'));
  for (const [name, descriptions] of byType(list, prefix)) n8nDescriptions.set(name, descriptions);
  for (const n of list) {
    VALID.add(prefix + n.name);
    if (n.usableAsTool) { VALID.add(prefix + n.name + 'Tool'); TOOLABLE.add(prefix + n.name + 'Tool'); }
  }
}
// types that existed in n8n 1.x but are gone from the 2.x package list
for (const t of ['start', 'automizy', 'kitemakerTool']) VALID.add('n8n-nodes-base.' + t);
VALID.add('@n8n/n8n-nodes-langchain.chatHitlTool');

const kebabToCamel = s => s.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const git = (dir, ...a) => execFileSync('git', ['--git-dir=' + dir, ...a], { maxBuffer: 1 << 30 });
/** The blobs' contents by sha, in one `git cat-file --batch` (a process per blob took minutes). */
function readBlobs(dir, shas) {
  const out = execFileSync('git', ['--git-dir=' + dir, 'cat-file', '--batch'], { input: shas.join('\n') + '\n', maxBuffer: 2 ** 31 });
  const blobs = new Map();
  for (let at = 0; at < out.length;) {
    const eol = out.indexOf(10, at);
    const [sha, kind, size] = out.subarray(at, eol).toString().split(' ');
    if (kind === 'missing' || size === undefined) { at = eol + 1; continue; }
    blobs.set(sha, out.subarray(eol + 1, eol + 1 + Number(size)));
    at = eol + 1 + Number(size) + 1;
  }
  return blobs;
}

// ---- Weft coverage
const folders = readdirSync(nodesDir).filter(f => statSync(path.join(nodesDir, f)).isDirectory() && !NOT_NODES.has(f));
const catalog = JSON.parse(readFileSync(path.join(nodesDir, 'catalog.json'), 'utf8'));
const catalogNames = new Set(catalog.nodes.map(n => n.name ?? n.description?.name).filter(Boolean));
const folderType = f => {
  // prefer the catalog's exact name for this folder (e.g. read-pdf -> readPDF)
  const c = catalog.nodes.find(n => (n.module || '').split('/')[0] === f);
  return c ? (c.name ?? c.description?.name) : 'n8n-nodes-base.' + kebabToCamel(f);
};
const inProgressTypes = new Set(IN_PROGRESS.map(folderType));
const coveredTypes = [...catalogNames, ...folders.map(folderType)].filter(t => !inProgressTypes.has(t));
// Weft makes the `…Tool` variant of any regular node it has (nodes/node-as-tool.ts), as n8n does for usableAsTool nodes.
const coveredBefore = new Set([...coveredTypes, ...[...TOOLABLE].filter(t => coveredTypes.includes(t.slice(0, -'Tool'.length)))]);
const coveredAfter = new Set([...coveredBefore, ...inProgressTypes]);

// ---- collect workflows
function extractWorkflows(j) {
  const res = [];
  const visit = (o, depth) => {
    if (!o || typeof o !== 'object' || depth > 3) return;
    if (Array.isArray(o)) { for (const x of o) visit(x, depth + 1); return; }
    if (Array.isArray(o.nodes) && o.connections && typeof o.connections === 'object') { res.push(o); return; }
    for (const k of ['workflow', 'data', 'json']) if (o[k]) visit(o[k], depth + 1);
  };
  visit(j, 0);
  return res;
}
const normType = t => String(t || '').trim();
const collections = [];
const globalSeen = new Map(); // hash -> {types, collection}
for (const dir of dirs) {
  const repo = dir.replace(/^.*\/\.mirror\//, '').replace(/\/repo\/?$/, '').replace('+', '/');
  const commit = git(dir, 'rev-parse', 'HEAD').toString().trim();
  const entries = git(dir, 'ls-tree', '-r', '-z', 'HEAD').toString().split('\0').filter(Boolean)
    .map(l => { const [meta, p] = l.split('\t'); const [, kind, sha] = meta.split(' '); return { kind, sha, p }; })
    .filter(e => e.kind === 'blob' && /\.json$/i.test(e.p));
  const seen = new Map(); let files = 0, raw = 0, badJson = 0;
  const blobs = readBlobs(dir, entries.map(e => e.sha));
  for (const e of entries) {
    let j; try { j = JSON.parse(blobs.get(e.sha).toString('utf8').replace(/^\uFEFF/, '')); } catch { badJson++; continue; }
    const wfs = extractWorkflows(j); if (wfs.length) files++;
    for (const wf of wfs) {
      const nodes = wf.nodes.filter(n => n && n.type);
      if (!nodes.length) continue;
      raw++;
      const key = nodes.map(n => normType(n.type) + '\u0001' + String(n.name ?? '')).sort().join('\u0002');
      const h = createHash('sha1').update(key).digest('hex');
      if (seen.has(h)) continue;
      // What the operation measure reads of a node: its type, version and scalar parameters.
      const slim = nodes.map(n => ({ type: normType(n.type), typeVersion: n.typeVersion,
        parameters: Object.fromEntries(Object.entries(n.parameters ?? {}).filter(([, v]) => v === null || typeof v !== 'object')) }));
      seen.set(h, { types: new Set(nodes.map(n => normType(n.type))), nodes: slim, path: e.p });
    }
  }
  let sharedWithEarlier = 0;
  for (const [h, w] of seen) { if (globalSeen.has(h)) sharedWithEarlier++; else globalSeen.set(h, { ...w, repo }); }
  collections.push({ repo, commit, jsonFiles: entries.length, badJson, filesWithWorkflows: files, rawWorkflows: raw, unique: seen.size, sharedWithEarlier, wfs: [...seen.values()] });
}
const isLangchain = t => /^@n8n\/n8n-nodes-langchain\./.test(t) || /^n8n-nodes-langchain\./.test(t);
const isBase = t => /^n8n-nodes-base\./.test(t);
const isCore = t => CORE.has(t);
// invalid = an n8n-nodes-base/langchain type that no n8n release defines (wrong case, invented, or missing the package prefix)
const isInvalid = t => ((isBase(t) || isLangchain(t)) && !VALID.has(t)) || !t.includes('.');
const isAiTool = t => isBase(t) && /Tool$/.test(t) && VALID.has(t) && !CORE.has(t); // n8n-nodes-base.xxxTool: a node used as an AI-agent tool
const category = t => isInvalid(t) ? 'invalid' : isLangchain(t) ? 'langchain' : isAiTool(t) ? 'ai-tool' : isBase(t) ? (isCore(t) ? 'core' : 'integration') : 'community';
const validWf = w => ![...w.types].some(isInvalid);

const all = [...globalSeen.values()];
const valid = all.filter(validWf);
for (const c of collections) c.valid = c.wfs.filter(validWf);

// ---- counting (denominator: importable workflows = every node type is a real n8n type or a community package type)
const count = wfs => { const m = new Map(); for (const w of wfs) for (const t of w.types) m.set(t, (m.get(t) || 0) + 1); return m; };
const allCounts = count(valid);
const invalidCounts = count(all.filter(w => !validWf(w)));
for (const c of collections) c.counts = count(c.valid);
const pct = (n, d) => d ? (100 * n / d) : 0;
const f1 = x => x.toFixed(1);
const fullyCovered = (wfs, cov) => wfs.filter(w => [...w.types].every(t => cov.has(t))).length;

const rowsFor = (filter, counts = allCounts) => [...counts.entries()].filter(([t]) => filter(t)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const integ = rowsFor(t => ['integration', 'community'].includes(category(t)));
const ai = rowsFor(t => ['langchain', 'ai-tool'].includes(category(t)));
const core = rowsFor(t => category(t) === 'core');
const yn = t => coveredBefore.has(t) ? 'yes' : coveredAfter.has(t) ? 'yes (in progress)' : 'no';
const colHdr = collections.map(c => c.repo.split('/')[0]).join(' % | ') + ' %';
const tblHead = `| node type | ${colHdr} | overall % | covered by Weft |\n|---|${collections.map(() => '---|').join('')}---|---|\n`;
const line = ([t, n]) => `| \`${t}\` | ${collections.map(c => f1(pct(c.counts.get(t) || 0, c.valid.length))).join(' | ')} | ${f1(pct(n, valid.length))} | ${yn(t)} |`;
// workflows whose ONLY uncovered type (after in-progress) is t
const unlock = new Map();
for (const w of valid) { const miss = [...w.types].filter(t => !coveredAfter.has(t)); if (miss.length === 1) unlock.set(miss[0], (unlock.get(miss[0]) || 0) + 1); }

let md = `# n8n node-type usage in public workflow collections vs. Weft coverage\n\n`;
md += `Generated ${new Date().toISOString()}.\n\nReproduce:\n\n\`\`\`sh\n# reference list of real n8n node type names (npm registry)\nmkdir -p /tmp/usage/pkg && cd /tmp/usage/pkg && npm pack n8n-nodes-base@2.41.2 @n8n/n8n-nodes-langchain@2.41.1 \\\n  && tar xzf n8n-nodes-base-2.41.2.tgz package/dist/types/nodes.json -O > base-nodes.json \\\n  && tar xzf n8n-n8n-nodes-langchain-2.41.1.tgz package/dist/types/nodes.json -O > lc-nodes.json\n# collections: bare git dirs from the search tool's fetch (github:owner/name)\nN8N_TYPES_DIR=/tmp/usage/pkg node ops/node-usage/measure.mjs --out /tmp/usage/usage.md ${dirs.join(' ')}\n\`\`\`\n\n`;
md += `Method: every \`*.json\` blob at HEAD that is (or wraps) an object with a \`nodes\` array and a \`connections\` object is a workflow. Dedupe key = sha1 of the sorted (node type, node name) pairs; duplicates are dropped within a collection and each key is counted once overall (first collection wins). `;
md += `A workflow is *importable* when every node type is a real n8n type (in n8n-nodes-base 2.41.2 / @n8n/n8n-nodes-langchain 2.41.1 \`dist/types/nodes.json\`, incl. the \`…Tool\` variants of \`usableAsTool\` nodes, plus legacy \`start\`) or a community-package type. `;
md += `Non-importable workflows contain invented/mis-cased types (e.g. \`n8n-nodes-base.httpTrigger\`, \`n8n-nodes-base.openai\`, bare \`httpRequest\`) — they are LLM-generated and would not load in n8n — so **all shares below use importable workflows as the denominator**. Share = % of workflows with at least one node of that type.\n\n`;
md += `## Collections\n\n| repo | commit (HEAD of snapshot) | *.json files | workflows parsed | unique in collection | overlap with earlier collection | importable (used) |\n|---|---|---|---|---|---|---|\n`;
for (const c of collections) md += `| ${c.repo} | \`${c.commit}\` | ${c.jsonFiles} | ${c.rawWorkflows} | ${c.unique} | ${c.sharedWithEarlier} | ${c.valid.length} |\n`;
md += `| **overall (deduped)** | | | | ${all.length} | | **${valid.length}** |\n\n`;
md += `Kinds: agnisadhak01 = scrape of the public n8n.io template library (community-submitted templates); cewall0 = one company's production workflows (CAIAC platform, Postgres-heavy); MarcoFPO = one self-hosted ops/incident setup (Zabbix/osTicket, sub-workflow heavy). The two small ones are real deployments but tiny (n≈40), so their per-collection % is coarse.\n\n`;
md += `Considered and dropped: LuckTerence/n8n-workflows-cn (1,480 n8n.io templates with Google/Slack/OpenAI nodes swapped for Chinese services — usage is rewritten; 793 of its workflows were identical to agnisadhak01 ones anyway); thesujalsuthar/n8n-workflows (358 workflows, 55% non-importable, LLM-generated); wesleyleandro7g/n8n-workflows and devenkhatri/dt-n8n-workflow-backups (copies of Zie619/n8n-workflows); Ker102/n8n-workflows-36k (mostly synthetic); fsebbah/n8n-workflows, plus61, ziemaziema-center (no snapshot); foodsaid/n8nworkflows (over the 500 MiB fetch limit).\n\n`;
md += `Caveat: the headline coverage is by node *type*; the (resource, operation) pairs are measured in their own section below; other parameters and credentials a workflow uses are not checked against what Weft's node implements.\n\n`;
md += `Distinct node types in importable workflows: ${allCounts.size} (integration ${rowsFor(t => category(t) === 'integration').length}, community ${rowsFor(t => category(t) === 'community').length}, langchain ${rowsFor(t => category(t) === 'langchain').length}, ai-tool variants ${rowsFor(t => category(t) === 'ai-tool').length}, core ${core.length}).\n\n`;

md += `## Coverage headline\n\nWeft "before" = types in \`${nodesDir}/catalog.json\` (${catalogNames.size} types) plus other existing node folders, minus the ${IN_PROGRESS.length} in-progress folders named in the brief (${[...inProgressTypes].length} types) = ${coveredBefore.size} types; "after" = before + in-progress = ${coveredAfter.size} types (node folders present when measured: ${folders.length}). Core and langchain types count as covered when their folder exists; a \`…Tool\` type when its base node is covered (Weft makes tool variants from the node).\n\n`;
md += `| importable workflows | n | every node type covered (before) | after in-progress |\n|---|---|---|---|\n`;
const covRow = (label, wfs) => `| ${label} | ${wfs.length} | ${f1(pct(fullyCovered(wfs, coveredBefore), wfs.length))}% (${fullyCovered(wfs, coveredBefore)}) | ${f1(pct(fullyCovered(wfs, coveredAfter), wfs.length))}% (${fullyCovered(wfs, coveredAfter)}) |\n`;
for (const c of collections) md += covRow(c.repo, c.valid);
md += covRow('**overall**', valid);
const noAi = valid.filter(w => ![...w.types].some(t => ['langchain', 'ai-tool'].includes(category(t))));
md += covRow('overall, workflows with no langchain / …Tool node', noAi);
md += `\nShare of importable workflows with at least one langchain or …Tool node: ${f1(pct(valid.length - noAi.length, valid.length))}%. `;
md += `(For reference, over all ${all.length} deduped workflows including non-importable ones: before ${f1(pct(fullyCovered(all, coveredBefore), all.length))}%, after ${f1(pct(fullyCovered(all, coveredAfter), all.length))}%.)\n\n`;

md += `## Top 80 integration node types (SaaS/service n8n-nodes-base nodes + community nodes; core, langchain and …Tool excluded)\n\n${tblHead}`;
md += integ.slice(0, 80).map(line).join('\n') + '\n\n';

md += `## Most used integration types Weft does NOT cover yet (neither shipped nor in progress), ranked\n\n`;
integ.filter(([t]) => !coveredAfter.has(t)).slice(0, 15).forEach(([t, n], i) => { md += `${i + 1}. \`${t}\` — ${f1(pct(n, valid.length))}% of importable workflows (${n})\n`; });
md += `\nSame ranking, n8n-nodes-base types only (no community packages): ` + integ.filter(([t]) => !coveredAfter.has(t) && isBase(t)).slice(0, 15).map(([t, n], i) => `${i + 1}. \`${t.replace('n8n-nodes-base.', '')}\` ${f1(pct(n, valid.length))}%`).join(', ') + '\n';
md += `\n## Any type (incl. core/langchain) that is the single missing piece (after in-progress)\n\nNumber of importable workflows that become fully covered if only this type is added.\n\n| node type | category | workflows unlocked | usage % |\n|---|---|---|---|\n`;
md += [...unlock.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([t, n]) => `| \`${t}\` | ${category(t)} | ${n} | ${f1(pct(allCounts.get(t) || 0, valid.length))} |`).join('\n') + '\n\n';
md += `## AI node types: langchain + n8n-nodes-base …Tool variants (top 25; none covered)\n\n${tblHead}` + ai.slice(0, 25).map(line).join('\n') + '\n\n';
md += `## Core node types (top 40, for reference)\n\n${tblHead}` + core.slice(0, 40).map(line).join('\n') + '\n\n';
md += `Core types not covered: ` + core.filter(([t]) => !coveredAfter.has(t)).map(([t, n]) => `\`${t}\` ${f1(pct(n, valid.length))}%`).join(', ') + '\n\n';
const weftDescriptions = byType(catalog.nodes.map(n => n.description ?? n));
const operations = measureOperations(valid, n8nDescriptions, weftDescriptions);
md += operationsSection(operations, valid.length);
md += `## Invalid types that made workflows non-importable (top 20, count of workflows)\n\n` + rowsFor(isInvalid, invalidCounts).slice(0, 20).map(([t, n]) => `\`${t}\` ${n}`).join(', ') + '\n';

writeFileSync(out, md);
writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify({
  collections: collections.map(({ wfs, valid, counts, ...c }) => ({ ...c, importable: valid.length, counts: Object.fromEntries(counts) })),
  overall: { workflows: all.length, importable: valid.length, counts: Object.fromEntries(allCounts),
    fullyCoveredBefore: fullyCovered(valid, coveredBefore), fullyCoveredAfter: fullyCovered(valid, coveredAfter) },
  categories: Object.fromEntries([...allCounts.keys()].map(t => [t, category(t)])),
  coveredBefore: [...coveredBefore].sort(), coveredAfter: [...coveredAfter].sort(),
  operations: { uses: operations.uses, declaredUses: operations.declaredUses, workflowsWithOps: operations.workflowsWithOps,
    workflowsAllDeclared: operations.workflowsAllDeclared, pairs: operations.rows },
}, null, 1));
console.log(`wrote ${out}; deduped=${all.length} importable=${valid.length}; fully covered before=${f1(pct(fullyCovered(valid, coveredBefore), valid.length))}% after=${f1(pct(fullyCovered(valid, coveredAfter), valid.length))}%`);
console.log(`operations: node uses declared ${operations.declaredUses}/${operations.uses} = ${f1(pct(operations.declaredUses, operations.uses))}%; workflows with every operation declared ${operations.workflowsAllDeclared}/${operations.workflowsWithOps} = ${f1(pct(operations.workflowsAllDeclared, operations.workflowsWithOps))}%`);
