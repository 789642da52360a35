// Which source field most likely names each parcel's mine, gives the mine's id, or names its
// township: the wizard opens with these chosen, and the user may change them.
import type { SourceField } from '../import-types.ts';
import { normaliseName } from '../mapping/field-vocabulary.ts';

const MINE_NAME = ['矿山名称', 'ksmc', 'minename', 'mine', '矿山', '矿区名称', '矿名'];
const MINE_ID = ['矿山编号', 'ksbh', 'gemmineid', 'mineid', 'mine_id', '采矿证号', '采矿许可证号', 'ckzh', 'xkzh'];
const TOWNSHIP = ['乡镇', '乡镇名称', '所在乡镇', '乡镇（街道）', '乡镇街道', 'xzmc', 'xz', 'township', 'town'];

const MINERAL = ['矿种', '开采矿种', '主矿种', 'kz', 'mineral', 'commodity'];
const CATEGORY = ['矿山类别', '矿山类型', '类别', 'category', 'mine_category'];

function pick(fields: readonly Pick<SourceField, 'name' | 'type'>[], words: readonly string[]): string | null {
  const byName = new Map(fields.filter((f) => f.type !== 'empty').map((f) => [normaliseName(f.name), f.name]));
  for (const w of words) {
    const found = byName.get(normaliseName(w));
    if (found) return found;
  }
  return null;
}

export function proposeMineFields(fields: readonly SourceField[]): { nameField: string | null; idField: string | null } {
  return { nameField: pick(fields, MINE_NAME), idField: pick(fields, MINE_ID) };
}

export function proposeTownshipField(fields: readonly SourceField[]): string | null {
  return pick(fields, TOWNSHIP);
}

/** The id, name and category columns of a mine table, by their headers; the first two columns otherwise. */
export function proposeMineTableColumns(columns: readonly string[]): { id: string | null; name: string | null; category: string | null } {
  const fields = columns.map((name) => ({ name, type: 'string' as const }));
  return {
    id: pick(fields, MINE_ID) ?? columns[0] ?? null,
    name: pick(fields, MINE_NAME) ?? columns[1] ?? columns[0] ?? null,
    category: pick(fields, CATEGORY),
  };
}

export function proposeMineralField(fields: readonly SourceField[]): string | null {
  return pick(fields, MINERAL);
}
