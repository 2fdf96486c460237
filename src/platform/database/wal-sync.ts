import { open, type FileHandle } from 'node:fs/promises';

/**
 * Makes committed SQLite transactions durable with an fsync of the write-ahead log, run on a
 * libuv thread. The connection commits with `synchronous = NORMAL`, which writes WAL frames but
 * does not fsync them, so a commit does not block the event loop for the length of an fsync.
 * Callers that promise durability to someone outside (an SMTP 250, an HTTP response to a change)
 * await `sync()` first. Requests that arrive while an fsync runs share the next one, so a burst
 * of commits costs one or two fsyncs (a group commit).
 *
 * A commit has written its frames to the WAL file when it returns, so an fsync of that file
 * started afterwards covers them. A checkpoint may copy them into the database file and let the
 * WAL be reused first. SQLite then syncs the database file before reusing the WAL, since that is
 * what keeps WAL mode with NORMAL free of corruption after a power loss, so the frames survive
 * there instead.
 */
export class WalSync {
  #handle: Promise<FileHandle | null> | null = null;
  #running: Promise<void> | null = null;
  #runningTarget = 0;
  #next: Promise<void> | null = null;
  // The connection's change count that the last completed fsync covers.
  #durable = 0;
  #fsyncs = 0;

  /**
   * @param walFile the database file's `-wal` companion
   * @param totalChanges the connection's count of rows changed so far (SQLite `total_changes()`),
   *   so that a caller after a read-only request waits for nothing
   */
  constructor(
    private readonly walFile: string,
    private readonly totalChanges: () => number,
  ) {}

  /** Resolves once every transaction committed before the call survives a power failure. */
  sync(): Promise<void> {
    const needed = this.totalChanges();
    if (needed <= this.#durable) return Promise.resolve();
    if (this.#running && this.#runningTarget >= needed) return this.#running;

    // An fsync under way started before this caller's commit, so the caller waits for the next
    // one, which every caller arriving meanwhile shares.
    this.#next ??= (this.#running ?? Promise.resolve()).then(
      () => this.#startNext(),
      () => this.#startNext(),
    );
    return this.#next;
  }

  /** The number of fsyncs run so far, for tests and diagnostics. */
  get fsyncs(): number {
    return this.#fsyncs;
  }

  async close(): Promise<void> {
    await this.#running?.catch(() => undefined);
    const handle = await this.#handle;
    this.#handle = null;
    await handle?.close();
  }

  #startNext(): Promise<void> {
    this.#next = null;
    const target = this.totalChanges();
    const run = this.#fsync()
      .then(() => {
        this.#durable = Math.max(this.#durable, target);
      })
      .finally(() => {
        if (this.#running === run) this.#running = null;
      });
    this.#running = run;
    this.#runningTarget = target;
    return run;
  }

  async #fsync(): Promise<void> {
    // Opened on first use: the WAL file exists once the connection has written.
    this.#handle ??= open(this.walFile, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });

    const handle = await this.#handle;
    if (!handle) {
      // No WAL file means no frame waits for a sync.
      this.#handle = null;
      return;
    }

    await handle.sync();
    this.#fsyncs += 1;
  }
}
