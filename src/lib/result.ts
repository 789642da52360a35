// Bad input is data, not an exception: readers and validators return a Result with a reason.
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
export function fail<T = never>(reason: string): Result<T> {
  return { ok: false, reason };
}
