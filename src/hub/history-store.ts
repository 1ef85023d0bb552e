/**
 * Keeps each VM's metrics history across page loads, in IndexedDB.
 *
 * Loaded with the history code (never before the first paint), and only by hubs that persist.
 * Records are keyed by server, user and VM; when another user signs in on a server, everything
 * kept for that server is deleted first. Bounded by VM count (the most recently saved win) and by
 * age (the longest chart window). Writes are batched: a changed history is written within
 * `writeEveryMs`, and at once when the page is hidden or unloaded. A write appends: it puts only
 * the chunks of time that changed since the last (stored-series.ts). Storage that is missing,
 * blocked or broken means no persistence, silently: it is a convenience, never a failure.
 */
import { chunkStart, exportChunks, readStoredChunks, readStoredSeries, type StoredChunk, type StoredSeries } from '../metrics/stored-series.js';
import type { VmMetricsHistory } from '../metrics/vm-metrics-history.js';
import type { LocalClock } from './local-clock.js';
import type { VmSocketOptions } from '../transport/vm-socket.js';
import type { HistoryPersistOptions } from './config.js';

export const DEFAULT_HISTORY_DATABASE = 'libgo-vm-elements-metrics';
/** The 200 most recently watched VMs. */
export const DEFAULT_MAX_VMS = 200;
/** The longest window `<vm-metrics>` shows. */
export const DEFAULT_MAX_AGE_MS = 60 * 60_000;
export const DEFAULT_WRITE_EVERY_MS = 15_000;
/** The most main-thread time (ms) one slice of a timed write takes before the page gets a turn. */
const SLICE_MS = 8;
/** An open that neither succeeds nor fails (blocked by another tab's upgrade) gives up after this. */
const OPEN_TIMEOUT_MS = 3000;
/** Stored rows stamped later than now plus this are not believed. */
const FUTURE_SLACK_MS = 60 * 60_000;

/** One record per VM: who watched it when (its rows are in CHUNKS; 0.1's held them here). */
const VMS = 'vms';
const USERS = 'users';
/** A VM's rows, a record per CHUNK_MS of time, keyed by server, user, VM and the chunk's start. */
const CHUNKS = 'chunks';
/** 2: the chunks store. Version 1 (0.1) kept each VM's whole history in its `vms` record. */
const DB_VERSION = 2;

export interface HistoryScope {
  /** The server's URL, as the hub resolves it. */
  server: string;
  /** Who is signed in there (the token's userId or username). */
  user: string;
}

interface VmRecord {
  server: string;
  user: string;
  vm: string;
  savedAt: number;
  /** 0.1's whole history; absent since the rows are kept in chunks. */
  series?: unknown;
}

interface ChunkRecord extends StoredChunk {
  server: string;
  user: string;
  vm: string;
}

/** What one write of a VM puts. */
export interface KeptWrite {
  /** The chunks that changed since the last write, oldest first. */
  chunks: StoredChunk[];
  /** Every other chunk kept for the VM goes (a history that does not continue what is stored). */
  replace: boolean;
  /** Told whether the write was committed, so that a failed one is done whole the next time. */
  written?: (ok: boolean) => void;
}

/** A history as loaded: `appendable` when its rows are stored in chunks (0.1's are not). */
export interface KeptHistory {
  series: StoredSeries;
  appendable: boolean;
}

interface Pending {
  scope: HistoryScope;
  vm: string;
  read: () => KeptWrite | null;
}

/**
 * The key range of the chunks of one VM of a user on a server that start before `before`; all of
 * them without it (an array sorts after every other key: a start that is not a number is in it).
 */
const chunksOf = (server: string, user: string, vm: string, before?: number) =>
  IDBKeyRange.bound([server, user, vm], [server, user, vm, before ?? []], false, true);

export class HistoryStore {
  readonly maxVms: number;
  readonly maxAgeMs: number;
  readonly writeEveryMs: number;
  private readonly dirty = new Map<string, Pending>();
  /** Taken from `dirty` by a timed write, written a slice at a time. */
  private readonly writing = new Map<string, Pending>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Per server: the user whose sign-in has been recorded (and the clearing that goes with it). */
  private readonly signedIn = new Map<string, { user: string; done: Promise<void> }>();
  private closed = false;
  private readonly onHide = () => {
    if (document.visibilityState === 'hidden') void this.flush();
  };
  private readonly onPageHide = () => void this.flush();

  constructor(
    private readonly db: IDBDatabase,
    options: HistoryPersistOptions,
    readonly now: () => number,
  ) {
    this.maxVms = positiveInt(options.maxVms, DEFAULT_MAX_VMS);
    this.maxAgeMs = positiveInt(options.maxAgeMs, DEFAULT_MAX_AGE_MS);
    this.writeEveryMs = positiveInt(options.writeEveryMs, DEFAULT_WRITE_EVERY_MS);
    db.onversionchange = () => this.close();
    document.addEventListener('visibilitychange', this.onHide);
    addEventListener('pagehide', this.onPageHide);
  }

  /**
   * The kept history of one VM for this user on this server, checked and trimmed to the store's
   * bounds and `capacity`; null when there is none (or what was kept did not check out).
   */
  async load(scope: HistoryScope, vm: string, capacity: number): Promise<KeptHistory | null> {
    await this.signIn(scope);
    let record: unknown;
    let chunks: unknown[] = [];
    await this.transaction([VMS, CHUNKS], 'readonly', (tx) => {
      tx.objectStore(VMS).get([scope.server, scope.user, vm]).onsuccess = (e) => (record = (e.target as IDBRequest).result);
      tx.objectStore(CHUNKS).getAll(chunksOf(scope.server, scope.user, vm)).onsuccess = (e) => (chunks = (e.target as IDBRequest<unknown[]>).result);
    });
    if (record === undefined || record === null) return null;
    const now = this.now();
    const limits = { capacity, notBefore: now - this.maxAgeMs, notAfter: now + FUTURE_SLACK_MS };
    // A record with its series is 0.1's, or another script's: read as one, and replaced whole.
    const whole = typeof record === 'object' && Object.hasOwn(record, 'series');
    const series = whole ? readStoredSeries((record as VmRecord).series, limits) : readStoredChunks(chunks, limits);
    if (!series) await this.forget(scope, vm);
    return series && { series, appendable: !whole };
  }

  /**
   * A VM's history changed: `read()` is called when it is written, within `writeEveryMs`. `key`
   * is `pendingKey(scope, vm)`, passed by a caller that schedules every sample (made once, not
   * 100 times a second on a dashboard).
   */
  schedule(scope: HistoryScope, vm: string, read: () => KeptWrite | null, key = pendingKey(scope, vm)): void {
    if (this.closed) return;
    // Recorded before any write of this user's (IndexedDB runs transactions in creation order).
    void this.signIn(scope);
    this.dirty.set(key, { scope, vm, read });
    this.timer ??= setTimeout(this.timedWrite, this.writeEveryMs);
  }

  private readonly timedWrite = () => {
    this.timer = null;
    void this.writeInSlices();
  };

  /**
   * Writes what is pending a slice at a time, the page getting a turn (input, a frame) between two
   * slices: a dashboard of 100 VMs that held an hour at 1 Hz took the main thread 119 ms per write,
   * as one long task every 15 s (bench:metrics, "keeping histories").
   */
  private async writeInSlices(): Promise<void> {
    this.take();
    while (this.writing.size > 0 && !this.closed) {
      const before = this.writing.size;
      await this.write(SLICE_MS);
      // No transaction could be made (the browser closed the database): what is pending is lost,
      // as a failed write's is, rather than tried again in a loop.
      if (this.writing.size === before) this.writing.clear();
      if (this.writing.size > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  private take(): void {
    for (const [key, p] of this.dirty) this.writing.set(key, p);
    this.dirty.clear();
  }

  /** Deletes what is kept for one VM, and forgets a pending write of it. */
  async forget(scope: HistoryScope, vm: string): Promise<void> {
    this.dirty.delete(pendingKey(scope, vm));
    this.writing.delete(pendingKey(scope, vm));
    await this.transaction([VMS, CHUNKS], 'readwrite', (tx) => {
      tx.objectStore(VMS).delete([scope.server, scope.user, vm]);
      tx.objectStore(CHUNKS).delete(chunksOf(scope.server, scope.user, vm));
    });
  }

  /** Writes every pending change now, at once (the page is going away), then enforces the bounds. */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.take();
    if (this.writing.size === 0 || this.closed) return;
    await this.write(Infinity);
  }

  /**
   * Writes pending changes (at least one) until `budgetMs` of the clock has passed, then enforces
   * the bounds; the rest stays in `writing`.
   */
  private write(budgetMs: number): Promise<void> {
    const now = this.now();
    const outcomes: Array<(ok: boolean) => void> = [];
    return this.transaction([VMS, CHUNKS], 'readwrite', (tx) => {
      const vms = tx.objectStore(VMS);
      const chunks = tx.objectStore(CHUNKS);
      for (const [key, p] of this.writing) {
        this.writing.delete(key);
        const { server, user } = p.scope;
        let kept: KeptWrite | null = null;
        try {
          kept = p.read();
        } catch {
          kept = null;
        }
        if (!kept) {
          vms.delete([server, user, p.vm]);
          chunks.delete(chunksOf(server, user, p.vm));
        } else if (kept.chunks.length > 0) {
          if (kept.written) outcomes.push(kept.written);
          if (kept.replace) chunks.delete(chunksOf(server, user, p.vm));
          for (const c of kept.chunks) chunks.put({ server, user, vm: p.vm, start: c.start, series: c.series } satisfies ChunkRecord);
          // Chunks wholly older than the age bound, counted back from the newest sample.
          const newest = kept.chunks.at(-1)!.series.t;
          chunks.delete(chunksOf(server, user, p.vm, chunkStart(newest[newest.length - 1]! - this.maxAgeMs)));
          vms.put({ server, user, vm: p.vm, savedAt: now } satisfies VmRecord);
        }
        if (this.now() - now >= budgetMs) break;
      }
      const evict = (cursor: IDBCursorWithValue) => {
        const { server, user, vm } = cursor.value as VmRecord;
        chunks.delete(chunksOf(server, user, vm));
        cursor.delete();
      };
      const bySaved = vms.index('savedAt');
      bySaved.openCursor(IDBKeyRange.upperBound(now - this.maxAgeMs, true)).onsuccess = (e) => {
        const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!cursor) return;
        evict(cursor);
        cursor.continue();
      };
      vms.count().onsuccess = (e) => {
        let excess = (e.target as IDBRequest<number>).result - this.maxVms;
        if (excess <= 0) return;
        bySaved.openCursor().onsuccess = (ev) => {
          const cursor = (ev.target as IDBRequest<IDBCursorWithValue | null>).result;
          if (!cursor || excess-- <= 0) return;
          evict(cursor);
          cursor.continue();
        };
      };
    }).then((ok) => outcomes.forEach((written) => written(ok)));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
    this.writing.clear();
    document.removeEventListener('visibilitychange', this.onHide);
    removeEventListener('pagehide', this.onPageHide);
    this.db.close();
    stores.delete(this.db.name);
  }

  /** Records who is signed in on the server; when that is someone else, their records go first. */
  private signIn(scope: HistoryScope): Promise<void> {
    const known = this.signedIn.get(scope.server);
    if (known?.user === scope.user) return known.done;
    const done = this.transaction([USERS, VMS, CHUNKS], 'readwrite', (tx) => {
      const users = tx.objectStore(USERS);
      users.get(scope.server).onsuccess = (e) => {
        const last = (e.target as IDBRequest<{ user?: unknown } | undefined>).result;
        if (last?.user === scope.user) return;
        // Every user's records of this server: [server] sorts before them, [server, []] after.
        const everyone = IDBKeyRange.bound([scope.server], [scope.server, []]);
        tx.objectStore(VMS).delete(everyone);
        tx.objectStore(CHUNKS).delete(everyone);
        users.put({ server: scope.server, user: scope.user });
      };
    }).then(() => undefined);
    this.signedIn.set(scope.server, { user: scope.user, done });
    return done;
  }

  /**
   * Resolves when the transaction is over, whatever happened (storage errors are not the page's):
   * true when it was committed.
   */
  private transaction(names: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => void): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      try {
        const tx = this.db.transaction(names, mode);
        tx.oncomplete = () => resolve(true);
        tx.onerror = tx.onabort = () => resolve(false);
        body(tx);
      } catch {
        resolve(false);
      }
    });
  }
}

const stores = new Map<string, Promise<HistoryStore | null>>();

/** The page's store for these options, opened once; null when IndexedDB cannot be used here. */
export function openHistoryStore(options: HistoryPersistOptions, now: () => number = Date.now): Promise<HistoryStore | null> {
  const name = options.databaseName || DEFAULT_HISTORY_DATABASE;
  let store = stores.get(name);
  if (!store) {
    store = openDatabase(name).then((db) => (db ? new HistoryStore(db, options, now) : null));
    stores.set(name, store);
  }
  return store;
}

/** Writes every open store's pending changes now (a page about to go away; tests). */
export async function flushHistoryStores(): Promise<void> {
  await Promise.all([...stores.values()].map(async (s) => (await s)?.flush()));
}

function openDatabase(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let settled = false;
    const give = (db: IDBDatabase | null) => {
      clearTimeout(timeout);
      // An open that succeeds after we gave up is closed, so it never blocks a later upgrade.
      if (settled) db?.close();
      else resolve(db);
      settled = true;
    };
    const timeout = setTimeout(() => give(null), OPEN_TIMEOUT_MS);
    try {
      if (typeof indexedDB === 'undefined') return give(null);
      const req = indexedDB.open(name, DB_VERSION);
      req.onupgradeneeded = (e) => {
        const db = req.result;
        if (e.oldVersion < 1) {
          const vms = db.createObjectStore(VMS, { keyPath: ['server', 'user', 'vm'] });
          vms.createIndex('savedAt', 'savedAt');
          db.createObjectStore(USERS, { keyPath: 'server' });
        }
        // 0.1's records stay where they are, read as they are, and are replaced at the first write.
        if (e.oldVersion < 2) db.createObjectStore(CHUNKS, { keyPath: ['server', 'user', 'vm', 'start'] });
      };
      req.onsuccess = () => give(req.result);
      req.onerror = () => give(null);
    } catch {
      // Private modes and sandboxed frames throw here.
      give(null);
    }
  });
}

/** Names a pending write: one per VM of a user on a server. */
export function pendingKey(scope: HistoryScope, vm: string): string {
  return JSON.stringify([scope.server, scope.user, vm]);
}

function positiveInt(v: number | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback;
}

/** One VM's place in the store: loads and saves its history for the signed-in user. */
export class HistoryKeeper {
  private readonly key: string;
  /**
   * The history whose rows the store holds up to `through` (written, or loaded from chunks): the
   * next write appends what came after. Another history, or none, is written whole.
   */
  private stored: { history: VmMetricsHistory; through: number } | null = null;

  constructor(
    readonly store: HistoryStore,
    readonly scope: HistoryScope,
    readonly vm: string,
  ) {
    this.key = pendingKey(scope, vm);
  }

  get maxAgeMs(): number {
    return this.store.maxAgeMs;
  }

  load(capacity: number): Promise<KeptHistory | null> {
    return this.store.load(this.scope, this.vm, capacity);
  }

  /** `history` now holds what the store holds (restored from its chunks): writes append to it. */
  restored(history: VmMetricsHistory): void {
    this.stored = { history, through: history.series.lastTime };
  }

  /**
   * Saves a session's history (up to the store's age bound) with the next batch: the chunks with
   * rows newer than the last write, or all of them when the store holds another history.
   */
  saveHistory(history: VmMetricsHistory, receivedAt: number): void {
    this.store.schedule(
      this.scope,
      this.vm,
      () => {
        const series = history.series;
        if (series.length === 0) return null;
        const lastTime = series.lastTime;
        const stored = this.stored;
        const appends = stored?.history === history && stored.through >= lastTime - this.maxAgeMs;
        if (appends && stored.through === lastTime) return { chunks: [], replace: false };
        return {
          chunks: exportChunks(series, appends ? stored.through : lastTime - this.maxAgeMs - 1, receivedAt),
          replace: !appends,
          written: (ok) => {
            // A write that failed leaves the store's rows unknown: the next one is whole.
            if (!ok) this.stored = null;
            else if (this.stored?.history !== history || this.stored.through < lastTime) this.stored = { history, through: lastTime };
          },
        };
      },
      this.key,
    );
  }

  /** Whether these (new) socket options and user are still the ones this keeper keeps for. */
  stillFor(options: Pick<VmSocketOptions, 'serverUrl'>, user: string | null): boolean {
    return user === this.scope.user && serverKey(options) === this.scope.server;
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  forget(): Promise<void> {
    return this.store.forget(this.scope, this.vm);
  }

}

/**
 * Where this VM's history is kept for `user` on the socket options' server; null when it is not
 * kept: no user known (cookie auth, no token provider, a token whose claims name nobody), or no
 * IndexedDB.
 */
export async function keeperFor(
  options: Pick<VmSocketOptions, 'serverUrl' | 'vmName'>,
  user: string | null | undefined,
  persist: HistoryPersistOptions,
  now: () => number = Date.now,
): Promise<HistoryKeeper | null> {
  const server = serverKey(options);
  if (!user || !server) return null;
  const store = await openHistoryStore(persist, now);
  return store ? new HistoryKeeper(store, { server, user }, options.vmName) : null;
}

function serverKey(options: Pick<VmSocketOptions, 'serverUrl'>): string | null {
  try {
    return new URL(options.serverUrl ?? location.href, location.href).href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** What a monitor session lends the store for a restore; read as the restore goes. */
export interface KeptSession {
  readonly socketOptions: VmSocketOptions;
  readonly metricsCapacity: number;
  readonly clock: LocalClock;
  readonly history: VmMetricsHistory | null;
  /** Who is signed in (the token's userId or username); null when nobody is known. */
  user(): Promise<string | null>;
  /** The session ended, or was asked not to keep its history: the restore is dropped. */
  readonly dropped: boolean;
  createHistory(): VmMetricsHistory | null;
}

/**
 * Gives a session that has no samples yet the history an earlier page kept for its VM and user,
 * with the time away as a gap; returns the keeper that saves it from now on (null: not kept).
 */
export async function restoreSession(session: KeptSession, persist: HistoryPersistOptions): Promise<HistoryKeeper | null> {
  const keeper = await keeperFor(session.socketOptions, await session.user(), persist, session.clock.wall);
  if (!keeper || session.dropped) return null;
  const kept = await keeper.load(session.metricsCapacity);
  if (session.dropped) return null;
  if (kept && !session.history) {
    // When its newest sample arrived, on the clock that live samples are measured with.
    const away = Math.max(0, session.clock.wall() - kept.series.receivedAt);
    const history = session.createHistory();
    if (history?.restore(kept.series, session.clock.monotonic() - away) && kept.appendable) keeper.restored(history);
  }
  return keeper;
}
