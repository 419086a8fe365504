// The FTP node against the real vsftpd (FTP, 127.0.0.1:21) and OpenSSH (SFTP, 127.0.0.1:2222):
// every operation with the files checked on disk, binary content byte for byte, continue-on-fail per
// item, and the errors a wrong password and a stopped server give.
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputOf, runChain, type TestNode } from '../n8n-api/test-support.ts';
import { checkServer, closedPort, FTP_PORT, HOME, HOST, key, KEY_PASSPHRASE, PASSWORD, SSH_PORT, USER } from '../ssh/test-servers.ts';

const servers = { ftp: await checkServer('vsftpd', FTP_PORT), sftp: await checkServer('sshd', SSH_PORT) };
const credentialsFor = {
  ftp: { host: HOST, port: FTP_PORT, username: USER, password: PASSWORD },
  sftp: { host: HOST, port: SSH_PORT, username: USER, password: PASSWORD },
};

const uid = () => Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
/** A folder of the test user's, made here as root and handed to the user (the servers write as them). */
function userDir(path: string) {
  const first = mkdirSync(path, { recursive: true });
  if (!first) return;
  for (let at = path; at.length >= first.length; at = at.slice(0, at.lastIndexOf('/'))) chownSync(at, uid(), uid());
}
function userFile(path: string, content: string | Buffer) {
  writeFileSync(path, content);
  chownSync(path, uid(), uid());
}

for (const protocol of ['ftp', 'sftp'] as const) {
  describe.skipIf(servers[protocol].skip)(`FTP node over ${protocol.toUpperCase()}`, () => {
    const dir = `${HOME}/weft-${protocol}-${Math.random().toString(36).slice(2, 8)}`;
    const credentials = credentialsFor[protocol];
    const node = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode => ({
      name: 'FTP', type: 'n8n-nodes-base.ftp', typeVersion: 1, parameters: { protocol, ...parameters },
      credentials: { [protocol]: { id: 'c1', name: protocol } }, ...extra,
    });
    const run = (n: TestNode, items: unknown[] = [{ json: {} }], data: Record<string, unknown> = credentials) =>
      runChain([n], { items: items as never, credentials: { [protocol]: data } });

    beforeAll(() => {
      if (servers[protocol].problem) return;
      userDir(dir);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('the server is reachable', () => {
      if (servers[protocol].problem) throw new Error(servers[protocol].problem);
    });

    it('uploads binary data into a new folder and text content, byte for byte', async () => {
      const bytes = randomBytes(70_000);
      const items = [
        { json: { n: 1 }, binary: { data: { data: bytes.toString('base64'), mimeType: 'application/octet-stream', fileName: 'blob.bin' } } },
      ];
      const binary = await run(node({ operation: 'upload', path: `${dir}/new/deeper/blob.bin` }), items);
      expect(binary.data.resultData.error).toBeUndefined();
      expect(outputOf(binary, 'FTP')).toEqual([{ json: { n: 1 }, binary: items[0].binary, pairedItem: { item: 0 } }]);
      expect(readFileSync(`${dir}/new/deeper/blob.bin`).equals(bytes)).toBe(true);

      const text = await run(node({ operation: 'upload', path: `${dir}/note.txt`, binaryData: false, fileContent: '={{ "hello " + $json.who }}' }), [{ json: { who: 'ftp' } }]);
      expect(outputOf(text, 'FTP')).toEqual([{ json: { who: 'ftp' }, pairedItem: { item: 0 } }]);
      expect(readFileSync(`${dir}/note.txt`, 'utf8')).toBe('hello ftp');
    });

    it('downloads a file into a binary property, keeping the item json', async () => {
      const bytes = Buffer.concat([Buffer.from([0, 255, 10, 13]), randomBytes(5_000)]);
      userFile(`${dir}/report.pdf`, bytes);
      const result = await run(node({ operation: 'download', path: `${dir}/report.pdf`, binaryPropertyName: 'file' }), [{ json: { keep: true } }]);
      expect(result.data.resultData.error).toBeUndefined();
      const [item] = outputOf(result, 'FTP');
      expect(item.json).toEqual({ keep: true });
      expect(item.pairedItem).toEqual({ item: 0 });
      expect(item.binary?.file).toMatchObject({ fileName: 'report.pdf', fileExtension: 'pdf', mimeType: 'application/pdf' });
      expect(Buffer.from(item.binary!.file.data, 'base64').equals(bytes)).toBe(true);
    });

    it('lists a folder, and all below it recursively, with full paths', async () => {
      const base = `${dir}/tree`;
      userDir(`${base}/sub`);
      userFile(`${base}/a.txt`, 'aaa');
      userFile(`${base}/sub/b.txt`, 'bb');
      const flat = outputOf(await run(node({ operation: 'list', path: base })), 'FTP');
      expect(flat.map((i) => [i.json.name, i.json.type, i.json.path]).sort()).toEqual([['a.txt', '-', `${base}/a.txt`], ['sub', 'd', `${base}/sub`]]);
      const a = flat.find((i) => i.json.name === 'a.txt')!;
      expect(a.json.size).toBe(3);
      expect(a.pairedItem).toEqual({ item: 0 });
      expect(Math.abs(Date.parse(String(a.json.modifyTime)) - Date.now())).toBeLessThan(protocol === 'ftp' ? 26 * 3600_000 : 600_000);
      const deep = outputOf(await run(node({ operation: 'list', path: base, recursive: true })), 'FTP');
      expect(deep.map((i) => i.json.path).sort()).toEqual([`${base}/a.txt`, `${base}/sub`, `${base}/sub/b.txt`]);
    });

    it('renames a file, creating the destination folders when asked', async () => {
      userFile(`${dir}/old.txt`, 'moving');
      const result = await run(node({ operation: 'rename', oldPath: `${dir}/old.txt`, newPath: `${dir}/moved/here/new.txt`, options: { createDirectories: true } }));
      expect(result.data.resultData.error).toBeUndefined();
      expect(outputOf(result, 'FTP')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
      expect(existsSync(`${dir}/old.txt`)).toBe(false);
      expect(readFileSync(`${dir}/moved/here/new.txt`, 'utf8')).toBe('moving');
    });

    it('deletes a file, and a folder with its content only when recursive', async () => {
      userFile(`${dir}/gone.txt`, 'x');
      const file = await run(node({ operation: 'delete', path: `${dir}/gone.txt` }));
      expect(outputOf(file, 'FTP')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
      expect(existsSync(`${dir}/gone.txt`)).toBe(false);

      userDir(`${dir}/full/inner`);
      userFile(`${dir}/full/inner/f.txt`, 'f');
      const notRecursive = await run(node({ operation: 'delete', path: `${dir}/full`, options: { folder: true } }));
      expect(notRecursive.data.resultData.error?.message).toBeTruthy();
      expect(existsSync(`${dir}/full/inner/f.txt`)).toBe(true);
      const recursive = await run(node({ operation: 'delete', path: `${dir}/full`, options: { folder: true, recursive: true } }));
      expect(recursive.data.resultData.error).toBeUndefined();
      expect(existsSync(`${dir}/full`)).toBe(false);
    });

    it('continues on fail per item: a missing file fails only its own item', async () => {
      userFile(`${dir}/here.txt`, 'here');
      const result = await run(
        node({ operation: 'download', path: '={{ $json.path }}' }, { continueOnFail: true }),
        [{ json: { path: `${dir}/missing.txt` } }, { json: { path: `${dir}/here.txt` } }],
      );
      const [missing, here] = outputOf(result, 'FTP');
      expect(missing.json.error).toMatch(/No such file|550|not.*exist/i);
      expect(missing.pairedItem).toEqual({ item: 0 });
      expect(Buffer.from(here.binary!.data.data, 'base64').toString()).toBe('here');
      expect(here.pairedItem).toEqual({ item: 1 });
    });

    it('names a wrong password and a stopped server', async () => {
      const bad = await run(node({ operation: 'list', path: dir }), undefined, { ...credentials, password: 'wrong-password' });
      expect(bad.data.resultData.error?.message).toMatch(protocol === 'ftp'
        ? new RegExp(`^FTP login to ${HOST}:${FTP_PORT} failed: 530 Login incorrect`)
        : new RegExp(`^SSH authentication failed for ${USER}@${HOST}:${SSH_PORT}`));
      const port = await closedPort();
      const stopped = await run(node({ operation: 'list', path: dir }), undefined, { ...credentials, port });
      expect(stopped.data.resultData.error?.message).toMatch(new RegExp(`^Could not connect to the (FTP|SSH) server at (${USER}@)?${HOST}:${port}: .*ECONNREFUSED`));
    });
  });
}

describe.skipIf(servers.sftp.skip)('FTP node over SFTP with a private key', () => {
  it('logs in with an encrypted key and its passphrase', async () => {
    const result = await runChain([{
      name: 'FTP', type: 'n8n-nodes-base.ftp', typeVersion: 1, parameters: { protocol: 'sftp', operation: 'list', path: HOME },
      credentials: { sftp: { id: 'c1', name: 'sftp' } },
    }], { credentials: { sftp: { host: HOST, port: SSH_PORT, username: USER, privateKey: key('id_rsa_pass'), passphrase: KEY_PASSPHRASE } } });
    expect(result.data.resultData.error).toBeUndefined();
    expect(outputOf(result, 'FTP').map((i) => i.json.name)).toContain('.ssh');
  });
});
