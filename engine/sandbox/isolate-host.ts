// One isolated-vm Isolate with our script library (Luxon, JMESPath, n8n's extensions and the
// data proxy) compiled once and run into each new context. Owns recreation after a memory kill.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ivm from 'isolated-vm';

const require = createRequire(import.meta.url);
const ISOLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'expressions', 'isolate');
/** Load order matters: each script registers into `__W` what the next one uses. */
const OUR_SCRIPTS = ['core.js', 'ext-string.js', 'ext-number.js', 'ext-collections.js', 'ext-date.js', 'extend.js', 'variables.js'];

let librarySources: { name: string; code: string }[] | undefined;

/** Luxon's browser global build and JMESPath's UMD file run as plain scripts in the isolate. */
function library(): { name: string; code: string }[] {
  if (!librarySources) {
    const luxonMain = require.resolve('luxon');
    const luxon = join(dirname(luxonMain), '..', 'global', 'luxon.js');
    librarySources = [
      { name: 'luxon.js', code: readFileSync(luxon, 'utf8') },
      { name: 'jmespath.js', code: readFileSync(require.resolve('jmespath'), 'utf8') },
      ...OUR_SCRIPTS.map((name) => ({ name, code: readFileSync(join(ISOLATE_DIR, name), 'utf8') })),
    ];
  }
  return librarySources;
}

export interface IsolateHostOptions {
  memoryLimitMb: number;
}

export type HostCallback = (op: string, a?: unknown, b?: unknown, c?: unknown, d?: unknown) => unknown;

export class IsolateHost {
  private isolate: ivm.Isolate | undefined;
  private scripts: ivm.Script[] = [];
  /** Bumped whenever the isolate is replaced, so dependants drop what they cached in it. */
  generation = 0;

  constructor(private readonly options: IsolateHostOptions) {}

  get alive(): boolean {
    return this.isolate !== undefined && !this.isolate.isDisposed;
  }

  /** The live isolate, created (again) on demand. */
  get(): ivm.Isolate {
    if (!this.alive) {
      this.isolate = new ivm.Isolate({ memoryLimit: this.options.memoryLimitMb });
      this.scripts = library().map(({ name, code }) => this.isolate!.compileScriptSync(code, { filename: `weft:///${name}` }));
      this.generation++;
    }
    return this.isolate!;
  }

  /** A fresh context with the library loaded; `host` answers the data proxy's questions. */
  createContext(host: HostCallback): ivm.Context {
    const isolate = this.get();
    const context = isolate.createContextSync();
    context.global.setSync('__weftHost', new ivm.Callback(host));
    for (const script of this.scripts) script.runSync(context);
    return context;
  }

  /**
   * Disposes the isolate when its heap has grown past `maxMb` (a fresh one is made on demand):
   * V8 keeps a heap's pages once it has grown, so a Code node that built a million items would
   * otherwise hold hundreds of megabytes for the rest of the process. Only when nothing runs in it.
   */
  shed(maxMb: number): void {
    if (this.alive && this.isolate!.getHeapStatisticsSync().total_heap_size > maxMb * 1024 * 1024) this.dispose();
  }

  dispose(): void {
    if (this.alive) this.isolate!.dispose();
    this.isolate = undefined;
  }

  /**
   * Gives up on the current isolate without disposing it while it may still run: disposing an
   * isolate stuck in a long builtin aborts the process when that builtin then runs out of heap.
   * The isolate is disposed once `pending` settles or its CPU time stops moving.
   */
  retire(pending: Promise<unknown>, options: { now?: boolean } = {}): void {
    const isolate = this.isolate;
    this.isolate = undefined;
    if (!isolate || isolate.isDisposed) return;
    // A stopped run: plain user code (a loop) is safe to cut off at once.
    if (options.now) {
      isolate.dispose();
      return;
    }
    let settled = false;
    const disposeNow = () => {
      if (!isolate.isDisposed) isolate.dispose();
    };
    pending.then(
      () => { settled = true; disposeNow(); },
      () => { settled = true; disposeNow(); },
    );
    const watch = (last: bigint) => {
      setTimeout(() => {
        if (settled || isolate.isDisposed) return;
        const now = isolate.cpuTime;
        if (now === last) disposeNow();
        else watch(now);
      }, 250).unref();
    };
    watch(isolate.cpuTime);
  }
}

/** Whether an isolated-vm error means the isolate was killed for exceeding its heap limit. */
export function isMemoryKill(e: unknown, host: IsolateHost): boolean {
  return !host.alive || (e instanceof Error && /memory limit|disposed/i.test(e.message));
}

export const isTimeout = (e: unknown): boolean => e instanceof Error && /execution timed out/i.test(e.message);

export { ivm };
