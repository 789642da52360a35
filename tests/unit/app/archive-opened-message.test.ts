// Opening a programme archive (.gpkg) as a programme of this browser: the archive written and read
// back, created through the registry — under its own id, then under a new one when that id is
// taken (the first copy untouched) — and what the user is told, in both languages.
import { IDBFactory } from 'fake-indexeddb';
import initSqlJs from 'sql.js';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveOpenedMessage, archiveRefusedMessage } from '../../../src/app/archive-opened-message.ts';
import type { ProgrammeContent } from '../../../src/domain/programme-content.ts';
import { checkedProgrammeArchive } from '../../../src/io/programme-archive/checked-archive.ts';
import { readProgrammeArchive } from '../../../src/io/programme-archive/read-programme-archive.ts';
import { openFieldStore } from '../../../src/persistence/field-store.ts';
import { openProgrammeRegistry, type ProgrammeRegistry } from '../../../src/persistence/programme-registry.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { fieldProgramme, now } from '../../helpers/field-store.ts';

const opened: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});

const content: ProgrammeContent = {
  programme: { ...fieldProgramme(undefined, 'MY-COUNTY'), name: '我的县', name_en: 'My County' },
  areaLevel: 'city',
  bufferDistances: { nature_reserve: 800, water_source: 500, scenic_area: 1000, residential_area: 500, traffic_line: 200, river_lake: 1000 },
  reviews: [],
};

async function archived(): Promise<ProgrammeContent> {
  const SQL = await initSqlJs();
  const bytes = checkedProgrammeArchive(SQL, content, { now: now() });
  if (!bytes.ok) throw new Error(bytes.reason);
  const back = readProgrammeArchive(SQL, bytes.value);
  if (!back.ok) throw new Error(back.reason);
  return back.value;
}

describe('opening a programme archive', () => {
  it('makes a programme holding what the archive holds, and a second copy under a new id, the first untouched', async () => {
    const registry: ProgrammeRegistry = await openProgrammeRegistry({ indexedDB: new IDBFactory(), now });
    opened.push(registry);
    const read = await archived();
    const first = await registry.create(read);
    const p = content.programme;
    const counts = [p.mines.length, p.parcels.features.length, p.zones.features.length, p.treated.features.length];
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(archiveOpenedMessage(translator('zh'), 'zh', read, first))
      .toBe(`已打开方案档案“我的县”：${counts[0]} 个矿山、${counts[1]} 个图斑、${counts[2]} 个保护区、${counts[3]} 个治理图斑、0 条验收记录。`);

    const store = await openFieldStore({ programmeId: first.id, indexedDB: registry.indexedDB, now });
    opened.push(store);
    const held = await store.programmeContent();
    expect(held.areaLevel).toBe('city');
    expect(held.bufferDistances).toEqual(content.bufferDistances);
    expect(held.programme.parcels.features).toEqual(read.programme.parcels.features);

    const second = await registry.create(read);
    expect(second.id).toBe('MY-COUNTY-2');
    expect(archiveOpenedMessage(translator('zh'), 'zh', read, second)).toMatch(/此浏览器已有编号为 MY-COUNTY 的项目，它未被改动；档案作为新项目 MY-COUNTY-2 保存。$/);
    expect(archiveOpenedMessage(translator('en'), 'en', read, second))
      .toMatch(/^Opened programme archive “My County”: .* This browser already holds a programme with id MY-COUNTY, which was left unchanged; the archive was kept as a new programme MY-COUNTY-2\.$/);
    expect((await registry.list()).map((e) => e.id).sort()).toEqual(['MY-COUNTY', 'MY-COUNTY-2']);
  });

  it('says why a file was refused in the UI language, with nothing in English inside the Chinese', async () => {
    const refused = readProgrammeArchive(await initSqlJs(), new TextEncoder().encode('not a database at all'));
    if (refused.ok) throw new Error('a text file was read as an archive');
    const zh = archiveRefusedMessage(translator('zh'), 'a.gpkg', refused.code);
    expect(zh).toBe('无法打开方案档案“a.gpkg”：不是 GeoPackage：文件不是 SQLite 数据库；未创建任何项目');
    expect(archiveRefusedMessage(translator('en'), 'a.gpkg', refused.code)).toMatch(/^Cannot open programme archive “a\.gpkg”: .*; no programme was created$/);
  });
});
