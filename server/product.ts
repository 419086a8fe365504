// The product's name and version, shown by the CLI, the API document and the landing page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

export const PRODUCT = { name: 'Weft', bin: 'weft', version: pkg.version } as const;
