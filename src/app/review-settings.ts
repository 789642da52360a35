// The reviewer's own defaults, remembered on this device: their name, which every acceptance
// step records, apart from the surveyor's (the same device may serve both in a team).
const KEY = 'fulv.review.v1';

export interface ReviewSettings {
  reviewer: string;
}

export function loadReviewSettings(): ReviewSettings {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof ReviewSettings, unknown>>;
    return { reviewer: typeof v.reviewer === 'string' ? v.reviewer.slice(0, 100) : '' };
  } catch {
    return { reviewer: '' };
  }
}

export function saveReviewSettings(settings: ReviewSettings): void {
  localStorage.setItem(KEY, JSON.stringify(settings));
}
