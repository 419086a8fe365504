// npm run build:catalog: writes nodes/catalog.json from the node folders (see nodes/catalog.ts).
// Run it after adding a node, a version or a credential type; nodes/catalog.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildNodeCatalog, serializeCatalog } from '../nodes/index.ts';

const root = path.resolve(import.meta.dirname, '../nodes');
const catalog = await buildNodeCatalog(root);
writeFileSync(path.join(root, 'catalog.json'), serializeCatalog(catalog));
console.log(`nodes/catalog.json: ${catalog.nodes.length} node implementations, ${catalog.credentials.length} credential types`);
