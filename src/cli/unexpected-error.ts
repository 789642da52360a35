// What a command-line program says when something it did not foresee goes wrong (a bug, or a
// file hostile in a way no check caught): one line, exit 1, as for any refused file. The stack,
// which only a developer can use, is printed when FULV_DEBUG is set.
export function reportUnexpected(program: string, error: unknown): number {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`${program}: unexpected error: ${text.split('\n')[0]} (set FULV_DEBUG=1 for details)\n`);
  if (process.env['FULV_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}
