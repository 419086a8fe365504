// The product's name and version, shown by the CLI, the API document and the landing page.
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const PRODUCT = { name: 'Weft', bin: 'weft', version: pkg.version } as const;
