// Who is signed in, their workspaces and the one they act in (sent as X-Workspace-Id).
import type { Api } from './api.ts';
import type { Me, Workspace } from './types.ts';

const WORKSPACE_KEY = 'weft.workspace';

export class Session {
  me = $state<Me | null>(null);
  /** My workspaces with their names (from /workspaces). */
  workspaces = $state<Workspace[]>([]);
  workspaceId = $state<string | undefined>(undefined);
  loading = $state(true);
  /** No one has an account yet: the first visitor sets up the owner. */
  needsSetup = $state(false);

  constructor(readonly api: Api) {}

  get workspace(): Workspace | undefined {
    return this.workspaces.find((w) => w.id === this.workspaceId);
  }

  /** Whether the current workspace lets me change things. */
  get canWrite(): boolean {
    const role = this.me?.workspaces.find((w) => w.workspaceId === this.workspaceId)?.role;
    return this.me?.instanceRole === 'owner' || (role !== undefined && role !== 'viewer');
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const session = await this.api.request<{ signedIn: boolean; user?: Me }>('/api/v1/auth/session');
      if (!session.user) {
        this.me = null;
        this.needsSetup = (await this.api.request<{ needsSetup: boolean }>('/api/v1/setup')).needsSetup;
        return;
      }
      // Everything is known before `me` is set: screens mount once, in the right workspace.
      this.workspaces = (await this.api.request<{ data: Workspace[] }>('/api/v1/workspaces')).data;
      const saved = localStorage.getItem(WORKSPACE_KEY);
      const pick = this.workspaces.find((w) => w.id === saved) ?? this.workspaces[0];
      this.useWorkspace(pick?.id);
      this.me = session.user;
    } finally {
      this.loading = false;
    }
  }

  useWorkspace(id: string | undefined): void {
    this.workspaceId = id;
    this.api.workspaceId = id;
    if (id) localStorage.setItem(WORKSPACE_KEY, id);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.api.request('/api/v1/auth/signin', { method: 'POST', body: { email, password } });
    await this.load();
  }

  /** Creates the owner account of a new instance; the server signs them in. */
  async setUpOwner(owner: { email: string; name: string; password: string }): Promise<void> {
    await this.api.request('/api/v1/setup', { method: 'POST', body: owner });
    this.needsSetup = false;
    await this.load();
  }

  async signOut(): Promise<void> {
    await this.api.request('/api/v1/auth/signout', { method: 'POST' }).catch(() => undefined);
    this.me = null;
  }
}
