// Who else is here, through Yjs awareness: name and colour, cursor (in canvas coordinates), the
// nodes they have selected and the node whose panel they have open.
import type { Awareness } from 'y-protocols/awareness';

export interface PeerState {
  user: { id: string; name: string; color: string };
  cursor: { x: number; y: number } | null;
  selection: string[];
  editing: string | null;
  /** Nodes this person is dragging right now, where they are (the document has them on drop). */
  dragging?: Record<string, [number, number]> | null;
}

export interface Peer extends PeerState {
  clientId: number;
}

const COLORS = ['#e5484d', '#0091ff', '#30a46c', '#f76b15', '#8e4ec6', '#d6409f', '#12a594', '#ad7f58'];

export function colorFor(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

export class Presence {
  /** Everyone else, with cursors: changes often. */
  peers = $state.raw<Peer[]>([]);
  /** Who selected or is editing which node: changes rarely, so the canvas redraws nodes only then. */
  marks = $state.raw<Map<string, { name: string; color: string }[]>>(new Map());
  private marksKey = '';
  /** Nodes others are dragging, where they are now. */
  drags = $state.raw<Map<string, [number, number]>>(new Map());
  private dragsKey = '';
  private dragTimer: ReturnType<typeof setTimeout> | undefined;
  private lastDragSent = 0;
  private awareness: Awareness | undefined;
  private local: PeerState;
  private lastCursorSent = 0;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(user: { id: string; name: string }) {
    this.local = { user: { ...user, color: colorFor(user.id) }, cursor: null, selection: [], editing: null };
  }

  get me(): PeerState['user'] {
    return this.local.user;
  }

  attach(awareness: Awareness): void {
    this.awareness = awareness;
    awareness.setLocalState(this.local);
    const update = (changes?: { added: number[]; updated: number[]; removed: number[] }) => {
      // My own cursor moves change nothing on my screen.
      if (changes && [...changes.added, ...changes.updated, ...changes.removed].every((c) => c === awareness.clientID)) return;
      const peers: Peer[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID || !state || !(state as PeerState).user) continue;
        peers.push({ clientId, ...(state as PeerState) });
      }
      this.peers = peers;
      const marks = new Map<string, { name: string; color: string }[]>();
      for (const p of peers) {
        for (const node of new Set([...(p.editing ? [p.editing] : []), ...(p.selection ?? [])])) {
          marks.set(node, [...(marks.get(node) ?? []), { name: p.user.name, color: p.user.color }]);
        }
      }
      const drags = new Map<string, [number, number]>();
      for (const p of peers) for (const [node, at] of Object.entries(p.dragging ?? {})) drags.set(node, at);
      const dragsKey = JSON.stringify([...drags]);
      if (dragsKey !== this.dragsKey) {
        this.dragsKey = dragsKey;
        this.drags = drags;
      }
      const key = JSON.stringify([...marks]);
      if (key !== this.marksKey) {
        this.marksKey = key;
        this.marks = marks;
      }
    };
    awareness.on('change', update);
    update();
  }

  private publish(patch: Partial<PeerState>): void {
    this.local = { ...this.local, ...patch };
    this.awareness?.setLocalState(this.local);
  }

  /** Cursor moves are sent at most every 50 ms, the last one always. */
  moveCursor(cursor: { x: number; y: number } | null): void {
    this.local = { ...this.local, cursor };
    const now = performance.now();
    clearTimeout(this.cursorTimer);
    if (now - this.lastCursorSent > 50) {
      this.lastCursorSent = now;
      this.publish({ cursor });
    } else {
      this.cursorTimer = setTimeout(() => this.publish({ cursor: this.local.cursor }), 50);
    }
  }

  /** Positions of the nodes I am dragging (null when I drop them), at most every 50 ms. */
  drag(positions: Record<string, [number, number]> | null): void {
    this.local = { ...this.local, dragging: positions };
    clearTimeout(this.dragTimer);
    const now = performance.now();
    if (positions === null || now - this.lastDragSent > 50) {
      this.lastDragSent = now;
      this.publish({ dragging: positions });
    } else {
      this.dragTimer = setTimeout(() => this.publish({ dragging: this.local.dragging }), 50);
    }
  }

  select(names: string[]): void {
    if (names.join('\u0000') !== this.local.selection.join('\u0000')) this.publish({ selection: names });
  }

  edit(name: string | null): void {
    if (name !== this.local.editing) this.publish({ editing: name });
  }

  detach(): void {
    clearTimeout(this.cursorTimer);
    clearTimeout(this.dragTimer);
    this.awareness = undefined;
    this.peers = [];
  }
}
