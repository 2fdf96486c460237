import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Fsyncs one folder on a libuv thread for callers that need a new entry in it to survive a power
 * failure. Callers that arrive while an fsync runs share the next one, so a burst of files
 * created in the folder costs one or two fsyncs, as `WalSync` does for commits.
 */
export class FolderSync {
  #running: Promise<void> | null = null;
  #next: Promise<void> | null = null;

  constructor(private readonly folder: string) {}

  /** Resolves once every entry created in the folder before the call is durable. */
  sync(): Promise<void> {
    // An fsync under way may have started before the caller's entry was made, so the caller
    // waits for the next one, which every caller arriving meanwhile shares.
    this.#next ??= (this.#running ?? Promise.resolve()).then(
      () => this.#startNext(),
      () => this.#startNext(),
    );

    return this.#next;
  }

  #startNext(): Promise<void> {
    this.#next = null;
    const run = syncFolder(this.folder).finally(() => {
      if (this.#running === run) this.#running = null;
    });
    this.#running = run;

    return run;
  }
}

/** Fsyncs a folder, so that the entries created, renamed or removed in it are durable. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    // Closing a read-only handle cannot lose data, so the caller does not wait for it.
    handle.close().catch(() => undefined);
  }
}
