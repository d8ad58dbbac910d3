// Browser persistence of the one autosaved game and of the settings, in IndexedDB through idb-keyval.
// What is stored is the controller's save file (a scenario id, a seed and the event log, with who plays
// what) and the settings object, as plain structured-clone data; the controller validates both when it
// reads them back, so a damaged record is refused there, never trusted here.
//
// When IndexedDB is missing or refuses to open (some private-browsing modes, a blocked storage policy),
// the store falls back to memory for the rest of the session: the game keeps working, it only cannot
// be continued after a reload.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { SaveStore, Settings } from '../app/app-types';

export const DB_NAME = 'binational';
export const STORE_NAME = 'kv';
export const AUTOSAVE_KEY = 'autosave';
export const SETTINGS_KEY = 'settings';

/** A structured-clone-safe copy of plain data (drops functions, class identity, undefined fields). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class IdbSaveStore implements SaveStore {
  private store: UseStore | null;
  private readonly memory = new Map<string, unknown>();

  constructor(dbName = DB_NAME, storeName = STORE_NAME) {
    this.store = typeof indexedDB === 'undefined' ? null : createStore(dbName, storeName);
  }

  /** Whether records outlive the page (false once we have fallen back to memory). */
  get persistent(): boolean {
    return this.store !== null;
  }

  load(): Promise<unknown | null> {
    return this.read(AUTOSAVE_KEY);
  }

  save(save: unknown): Promise<void> {
    return this.write(AUTOSAVE_KEY, plain(save));
  }

  async clear(): Promise<void> {
    this.memory.delete(AUTOSAVE_KEY);
    const store = this.store;
    if (!store) return;
    try {
      await del(AUTOSAVE_KEY, store);
    } catch (e) {
      this.fallBack(e);
    }
  }

  loadSettings(): Promise<unknown | null> {
    return this.read(SETTINGS_KEY);
  }

  saveSettings(settings: Settings): Promise<void> {
    return this.write(SETTINGS_KEY, plain(settings));
  }

  private async read(key: string): Promise<unknown | null> {
    const store = this.store;
    if (store) {
      try {
        const value = await get<unknown>(key, store);
        return value ?? null;
      } catch (e) {
        this.fallBack(e);
      }
    }
    return this.memory.has(key) ? plain(this.memory.get(key)) : null;
  }

  private async write(key: string, value: unknown): Promise<void> {
    // The memory copy is kept too, so a later fallback does not lose what this session wrote.
    this.memory.set(key, value);
    const store = this.store;
    if (!store) return;
    try {
      await set(key, value, store);
    } catch (e) {
      this.fallBack(e);
    }
  }

  private fallBack(error: unknown) {
    if (!this.store) return;
    this.store = null;
    console.warn(`[saves] IndexedDB unavailable, keeping saves in memory for this session: ${String(error)}`);
  }
}
