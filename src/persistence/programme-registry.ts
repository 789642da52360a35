// The programmes kept in this browser: a small IndexedDB database of its own ("fulv-programmes"),
// one entry per programme (whose data is its own database "fulv-field-<id>"). The demo is one
// entry among them: registered on first start, removable, and re-added only when the user asks
// (a removed demo is remembered, so a reload does not bring it back). The open programme is kept
// here too, not in localStorage: Chromium loses localStorage's recent writes when it is killed
// (a phone's browser in the background), and would then reopen the demo instead.
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { Programme } from '../domain/model.ts';
import type { ProgrammeAreaLevel, ProgrammeContent } from '../domain/programme-content.ts';
import { FieldStoreError, toFieldStoreError } from './field-store-error.ts';
import { openFieldDatabase } from './open-database.ts';
import { writeProgrammeContent, type ProgrammeLink } from './create-programme.ts';
import { fieldDatabaseName } from './programme-database.ts';

export const REGISTRY_DB_NAME = 'fulv-programmes';

export interface ProgrammeEntry {
  id: string;
  name: string;
  /** The English name, when the programme has one. */
  nameEn?: string;
  areaLevel: ProgrammeAreaLevel;
  createdAt: string;
  lastOpenedAt: string | null;
  /** The bundled demo, which a seed keeps up to date. */
  demo: boolean;
}

interface RegistryDB extends DBSchema {
  programmes: { key: string; value: ProgrammeEntry };
  /** "demo-removed": the user removed the demo; "demo-id": its programme id; "current": the open programme's id. */
  flags: { key: string; value: string | boolean };
}

const closedEvents = { onClosedForUpgrade: () => undefined, onTerminated: () => undefined };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new DOMException('request failed', 'UnknownError'));
  });
}

/** Deletes a database once every connection to it has closed (other tabs close theirs on request). */
export function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return request(factory.deleteDatabase(name)).then(() => undefined);
}

export class ProgrammeRegistry {
  constructor(
    private readonly db: IDBPDatabase<RegistryDB>,
    readonly indexedDB: IDBFactory,
    private readonly now: () => Date,
  ) {}

  /** Newest opened first, then by name. */
  async list(): Promise<ProgrammeEntry[]> {
    const entries = await this.db.getAll('programmes');
    return entries.sort((a, b) => (b.lastOpenedAt ?? '').localeCompare(a.lastOpenedAt ?? '') || a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<ProgrammeEntry | null> {
    return (await this.db.get('programmes', id)) ?? null;
  }

  /** On every start: enters the demo unless present or removed by the user; returns its entry, or null when removed. */
  async registerDemo(demo: Programme): Promise<ProgrammeEntry | null> {
    if ((await this.db.get('flags', 'demo-removed')) === true) return null;
    return this.enterDemo(demo);
  }

  /** "Add the demo programme" after it was removed. */
  async addDemo(demo: Programme): Promise<ProgrammeEntry> {
    await this.db.delete('flags', 'demo-removed');
    return this.enterDemo(demo);
  }

  private async enterDemo(demo: Programme): Promise<ProgrammeEntry> {
    const existing = await this.db.get('programmes', demo.id);
    if (existing) return existing;
    const entry: ProgrammeEntry = { id: demo.id, name: demo.name, nameEn: demo.name_en, areaLevel: 'county', createdAt: this.now().toISOString(), lastOpenedAt: null, demo: true };
    await this.db.put('flags', demo.id, 'demo-id');
    await this.db.put('programmes', entry);
    return entry;
  }

  async isDemoId(id: string): Promise<boolean> {
    return (await this.db.get('flags', 'demo-id')) === id;
  }

  /** A free programme id: the wanted one, or it with a suffix when this browser holds it already. */
  async freeId(wanted: string): Promise<string> {
    const taken = new Set(await this.db.getAllKeys('programmes'));
    const base = wanted.replace(/[^A-Za-z0-9_-]/g, '_') || 'P';
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  /**
   * A new programme from its content: a database of user data and a registry entry. The content's
   * id is kept unless taken. `link`: the programme came from a team server (downloaded), so its
   * edits sync with it from the start (written in the same transaction as the content).
   */
  async create(content: ProgrammeContent, link?: ProgrammeLink): Promise<ProgrammeEntry> {
    const id = await this.freeId(content.programme.id);
    const programme = { ...content.programme, id };
    const name = fieldDatabaseName(id);
    const db = await openFieldDatabase(this.indexedDB, name, closedEvents);
    try {
      await writeProgrammeContent(db, { ...content, programme }, this.now(), link);
    } catch (error) {
      db.close();
      await deleteDatabase(this.indexedDB, name);
      throw error;
    }
    db.close();
    return this.enter({ id, name: programme.name, nameEn: programme.name_en, areaLevel: content.areaLevel, demo: false });
  }

  /** Enters a programme whose database now exists (created or restored). */
  async enter(entry: Pick<ProgrammeEntry, 'id' | 'name' | 'nameEn' | 'areaLevel' | 'demo'>): Promise<ProgrammeEntry> {
    const full: ProgrammeEntry = { ...entry, createdAt: this.now().toISOString(), lastOpenedAt: null };
    if (entry.demo) await this.db.delete('flags', 'demo-removed');
    await this.db.put('programmes', full);
    return full;
  }

  /**
   * The programme to open: the one last opened, or — on a browser that kept that choice in
   * localStorage before — `legacy`, moved here once.
   */
  async currentId(quick: { id: string; at: string | null } | null = null): Promise<string | null> {
    const stored = await this.db.get('flags', 'current');
    if (typeof stored === 'string') {
      // The quick copy wins only when it is newer than the durable choice (a reload that came
      // before the durable write finished); one without a time is from before the registry.
      if (!quick?.at || quick.id === stored || !(await this.db.get('programmes', quick.id))) return stored;
      const openedAt = (await this.db.get('programmes', stored))?.lastOpenedAt ?? '';
      if (quick.at <= openedAt) return stored;
    } else if (quick === null) return null;
    await this.db.put('flags', quick.id, 'current');
    return quick.id;
  }

  /** Opens a programme: the choice and its time, in one transaction, done once it is durable. */
  async markOpened(id: string): Promise<void> {
    const tx = this.db.transaction(['programmes', 'flags'], 'readwrite', { durability: 'strict' });
    const programmes = tx.objectStore('programmes');
    const entry = await programmes.get(id);
    if (entry) {
      await programmes.put({ ...entry, lastOpenedAt: this.now().toISOString() });
      await tx.objectStore('flags').put(id, 'current');
    }
    await tx.done;
  }

  /** Keeps the entry's names those the programme holds (a restored backup may rename it); true when changed. */
  async rename(id: string, name: string, nameEn?: string): Promise<boolean> {
    const entry = await this.db.get('programmes', id);
    if (!entry || (entry.name === name && (nameEn === undefined || entry.nameEn === nameEn))) return false;
    await this.db.put('programmes', { ...entry, name, ...(nameEn === undefined ? {} : { nameEn }) });
    return true;
  }

  /** Deletes the programme's database and entry; the caller asks the user first and closes its store. */
  async remove(id: string): Promise<void> {
    const entry = await this.db.get('programmes', id);
    if (!entry) throw new FieldStoreError('no_programme', `Programme ${id} is not stored on this browser.`);
    try {
      await deleteDatabase(this.indexedDB, fieldDatabaseName(id));
    } catch (error) {
      throw toFieldStoreError(error, 'deleting the programme');
    }
    await this.db.delete('programmes', id);
    if (entry.demo) await this.db.put('flags', true, 'demo-removed');
  }

  close(): void {
    this.db.close();
  }
}

export async function openProgrammeRegistry(options: { indexedDB?: IDBFactory; now?: () => Date } = {}): Promise<ProgrammeRegistry> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) throw new FieldStoreError('unsupported', 'This browser offers no IndexedDB (a private window?), so programmes cannot be kept. Open Fulv in a normal window.');
  const opening = factory.open(REGISTRY_DB_NAME, 1);
  opening.onupgradeneeded = () => {
    opening.result.createObjectStore('programmes', { keyPath: 'id' });
    opening.result.createObjectStore('flags');
  };
  const raw = await request(opening);
  raw.onversionchange = () => raw.close();
  return new ProgrammeRegistry(wrap(raw) as unknown as IDBPDatabase<RegistryDB>, factory, options.now ?? (() => new Date()));
}
