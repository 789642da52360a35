// The name of an export's file, as the user will find it in Downloads: the programme, what was
// exported (the whole programme, a township or a mine) and the day, e.g.
// 迁安市…演示方案_马兰庄镇_2026-12-07. Characters Windows refuses in a file name become _.
export function exportFileTitle(programme: string, scope: string, date: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = (text: string): string => text.replace(/[\\/:*?"<>|\u0000-\u001F]+/g, '_').trim();
  return [programme, scope, date].map(safe).filter((part) => part !== '').join('_');
}

/** The local calendar day of a time, yyyy-mm-dd. */
export function localDay(time: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}
