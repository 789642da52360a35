// The one localStorage record of the user's settings, read apart from their meaning so that the
// page's security policy (page-policy.ts) can read it before any other module runs.
export const SETTINGS_KEY = 'fulv.settings.v1';

export function readStoredSettings(): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
