// An app update reloads only when nothing in progress would be lost.
import { describe, expect, it } from 'vitest';
import { updateBlocker } from '../../../src/app/update-readiness.ts';

describe('when an update may reload the window', () => {
  it('waits for a save on its way to disk, a shape being drawn, or unsaved form input', () => {
    expect(updateBlocker({ saving: false, drawing: false, unsaved: false })).toBeNull();
    expect(updateBlocker({ saving: true, drawing: false, unsaved: false })).toBe('saving');
    expect(updateBlocker({ saving: false, drawing: true, unsaved: false })).toBe('drawing');
    expect(updateBlocker({ saving: false, drawing: false, unsaved: true })).toBe('unsaved');
    expect(updateBlocker({ saving: true, drawing: true, unsaved: true })).toBe('saving');
  });
});
