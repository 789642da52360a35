// A small parser for Well-Known Text CRS (WKT1, ESRI's WKT1 and WKT2): KEYWORD[arg, ...] trees.
// The .prj of a Shapefile is one such text; only its structure is read here, not its meaning.
export interface WktNode {
  keyword: string;
  args: (string | number | WktNode)[];
}

class WktSyntaxError extends Error {}

export function parseWkt(text: string): WktNode | null {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const node = (): WktNode => {
    skipSpace();
    const start = i;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i]!)) i++;
    const keyword = text.slice(start, i).toUpperCase();
    skipSpace();
    if (!keyword || (text[i] !== '[' && text[i] !== '(')) throw new WktSyntaxError(`expected KEYWORD[ at ${start}`);
    const close = text[i] === '[' ? ']' : ')';
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      skipSpace();
      const c = text[i];
      if (c === undefined) throw new WktSyntaxError('unexpected end');
      if (c === close) {
        i++;
        return { keyword, args };
      }
      if (args.length > 0) {
        if (c !== ',') throw new WktSyntaxError(`expected , at ${i}`);
        i++;
        skipSpace();
      }
      args.push(value());
    }
  };
  const value = (): string | number | WktNode => {
    const c = text[i];
    if (c === '"') {
      let out = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new WktSyntaxError('unterminated string');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            out += '"';
            i += 2;
            continue;
          }
          i++;
          return out;
        }
        out += text[i++];
      }
    }
    const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i, i + 40));
    if (number && !/[A-Za-z_[(]/.test(text[i + number[0].length] ?? '')) {
      i += number[0].length;
      return Number(number[0]);
    }
    const save = i;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i]!)) i++;
    skipSpace();
    if (text[i] === '[' || text[i] === '(') {
      i = save;
      return node();
    }
    // Bare enumerations such as WKT2's AXIS["x", east].
    return text.slice(save, i).trim();
  };
  try {
    const root = node();
    skipSpace();
    return i === text.length ? root : null;
  } catch (error) {
    if (error instanceof WktSyntaxError) return null;
    throw error;
  }
}

export function children(node: WktNode, ...keywords: string[]): WktNode[] {
  return node.args.filter((a): a is WktNode => typeof a === 'object' && keywords.includes(a.keyword));
}

export function child(node: WktNode, ...keywords: string[]): WktNode | undefined {
  return children(node, ...keywords)[0];
}

/** Depth-first search, for members whose nesting differs between WKT1 and WKT2. */
export function find(node: WktNode, ...keywords: string[]): WktNode | undefined {
  for (const a of node.args) {
    if (typeof a !== 'object') continue;
    if (keywords.includes(a.keyword)) return a;
    const deeper = find(a, ...keywords);
    if (deeper) return deeper;
  }
  return undefined;
}
