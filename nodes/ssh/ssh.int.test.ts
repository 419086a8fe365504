// The SSH node against the real OpenSSH server on 127.0.0.1:2222: commands with their stdout, stderr,
// exit code and working directory, file upload and download byte for byte (password and key logins),
// continue-on-fail per item, and the errors a wrong password and a stopped server give.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputOf, runChain, type TestNode } from '../n8n-api/test-support.ts';
import { checkServer, closedPort, HOME, HOST, key, KEY_PASSPHRASE, PASSWORD, SSH_PORT, USER } from './test-servers.ts';

const server = await checkServer('sshd', SSH_PORT);
const PASSWORD_CREDENTIAL = { host: HOST, port: SSH_PORT, username: USER, password: PASSWORD };
const dir = `${HOME}/weft-ssh-${Math.random().toString(36).slice(2, 8)}`;

const node = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode => ({
  name: 'SSH', type: 'n8n-nodes-base.ssh', typeVersion: 1, parameters,
  credentials: { sshPassword: { id: 'c1', name: 'ssh' }, sshPrivateKey: { id: 'c2', name: 'key' } }, ...extra,
});
const run = (n: TestNode, items: unknown[] = [{ json: {} }], credentials: Record<string, Record<string, unknown>> = { sshPassword: PASSWORD_CREDENTIAL }) =>
  runChain([n], { items: items as never, credentials });

describe.skipIf(server.skip)('SSH node', () => {
  beforeAll(() => {
    if (server.problem) return;
    mkdirSync(dir, { recursive: true });
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, uid);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the server is reachable', () => {
    if (server.problem) throw new Error(server.problem);
  });

  it('executes a command: stdout, stderr and exit code, in the working directory, per item', async () => {
    const result = await run(node({ command: '=echo "out {{ $json.n }}"; echo "err" >&2; pwd; whoami; exit {{ $json.code }}', cwd: dir }), [
      { json: { n: 1, code: 0 } }, { json: { n: 2, code: 3 } },
    ]);
    expect(result.data.resultData.error).toBeUndefined();
    expect(outputOf(result, 'SSH')).toEqual([
      { json: { code: 0, signal: null, stdout: `out 1\n${dir}\n${USER}`, stderr: 'err' }, pairedItem: { item: 0 } },
      { json: { code: 3, signal: null, stdout: `out 2\n${dir}\n${USER}`, stderr: 'err' }, pairedItem: { item: 1 } },
    ]);
  });

  it('runs in the home folder for "~/" and refuses other "~" paths', async () => {
    const home = await run(node({ command: 'pwd', cwd: '~/' }));
    expect(outputOf(home, 'SSH')[0].json.stdout).toBe(HOME);
    const bad = await run(node({ command: 'pwd', cwd: '~root' }));
    expect(bad.data.resultData.error?.message).toBe('Invalid path. Replace "~" with home directory or "~/"');
  });

  it('fails a command in a missing working directory with the shell message', async () => {
    const result = await run(node({ command: 'echo never', cwd: `${dir}/nope` }));
    const [item] = outputOf(result, 'SSH');
    expect(item.json.code).not.toBe(0);
    expect(item.json.stdout).toBe('');
    expect(String(item.json.stderr)).toMatch(/No such file or directory/);
  });

  it('uploads binary data under its file name or the given one, byte for byte', async () => {
    const bytes = randomBytes(100_000);
    const items = [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'application/octet-stream', fileName: 'photo.bin' } } }];
    const byName = await run(node({ resource: 'file', operation: 'upload', path: dir }), items);
    expect(byName.data.resultData.error).toBeUndefined();
    expect(outputOf(byName, 'SSH')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
    expect(readFileSync(`${dir}/photo.bin`).equals(bytes)).toBe(true);
    const renamed = await run(node({ resource: 'file', operation: 'upload', path: `${dir}/`, options: { fileName: '../escape.bin' } }), items);
    expect(renamed.data.resultData.error).toBeUndefined();
    expect(readFileSync(`${dir}/escape.bin`).equals(bytes)).toBe(true); // a name, never a path out of the folder
  });

  it('downloads a file into a binary property, with a private key login', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-'), randomBytes(3_000)]);
    writeFileSync(`${dir}/invoice.pdf`, bytes);
    const result = await run(
      node({ authentication: 'privateKey', resource: 'file', operation: 'download', path: `${dir}/invoice.pdf`, binaryPropertyName: 'doc' }),
      [{ json: { id: 9 } }],
      { sshPrivateKey: { host: HOST, port: SSH_PORT, username: USER, privateKey: key('id_ed25519') } },
    );
    expect(result.data.resultData.error).toBeUndefined();
    const [item] = outputOf(result, 'SSH');
    expect(item.json).toEqual({ id: 9 });
    expect(item.binary?.doc).toMatchObject({ fileName: 'invoice.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' });
    expect(Buffer.from(item.binary!.doc.data, 'base64').equals(bytes)).toBe(true);
  });

  it('logs in with an encrypted key pasted on one line, with its passphrase', async () => {
    const oneLine = key('id_rsa_pass').replace(/\n/g, ' ');
    const result = await run(node({ authentication: 'privateKey', command: 'echo key' }), undefined, {
      sshPrivateKey: { host: HOST, port: SSH_PORT, username: USER, privateKey: oneLine, passphrase: KEY_PASSPHRASE },
    });
    expect(result.data.resultData.error).toBeUndefined();
    expect(outputOf(result, 'SSH')[0].json.stdout).toBe('key');
  });

  it('continues on fail per item: a missing file fails only its own item', async () => {
    writeFileSync(`${dir}/there.txt`, 'there');
    const result = await run(node({ resource: 'file', operation: 'download', path: '={{ $json.path }}' }, { continueOnFail: true }), [
      { json: { path: `${dir}/absent.txt` } }, { json: { path: `${dir}/there.txt` } },
    ]);
    const [absent, there] = outputOf(result, 'SSH');
    expect(absent).toEqual({ json: { error: `Could not read ${dir}/absent.txt: No such file` }, pairedItem: { item: 0 } });
    expect(Buffer.from(there.binary!.data.data, 'base64').toString()).toBe('there');
  });

  it('names a wrong password and a stopped server', async () => {
    const bad = await run(node({ command: 'true' }), undefined, { sshPassword: { ...PASSWORD_CREDENTIAL, password: 'wrong-password' } });
    expect(bad.data.resultData.error?.message).toBe(`SSH authentication failed for ${USER}@${HOST}:${SSH_PORT}: All configured authentication methods failed`);
    const port = await closedPort();
    const stopped = await run(node({ command: 'true' }), undefined, { sshPassword: { ...PASSWORD_CREDENTIAL, port } });
    expect(stopped.data.resultData.error?.message).toBe(`Could not connect to the SSH server at ${USER}@${HOST}:${port}: connect ECONNREFUSED ${HOST}:${port}`);
  });
});
