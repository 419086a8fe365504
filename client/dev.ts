// `npm run dev`: the server (restarted by tsx on changes) and Vite's dev server with hot reload,
// which proxies /api, /socket.io and /collab to it. Open the address Vite prints.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '5678';
process.env.WEFT_SERVER ??= `http://localhost:${port}`;

const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const server = spawn(process.execPath, [tsx, 'watch', 'server/cli.ts', 'start'], {
  cwd: root, stdio: 'inherit', env: { ...process.env, PORT: port },
});
const vite = await createServer({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) });
await vite.listen();
vite.printUrls();

const stop = async () => {
  server.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  if (code !== null && code !== 0) console.error(`the server exited with ${code}; fix it and save to restart`);
});
