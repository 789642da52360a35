// The surveyor's own defaults, remembered on this device: their name (every edit records who
// made it), the last measure used, and the GPS accuracy limit.
import { useCallback, useState } from 'react';
import { DEFAULT_ACCURACY_LIMIT_M } from '../domain/gps-trace.ts';
import { MEASURES, type Measure } from '../domain/model.ts';

const KEY = 'fulv.survey.v1';

export interface SurveySettings {
  surveyor: string;
  measure: Measure;
  accuracyLimit: number;
}

export function loadSurveySettings(): SurveySettings {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof SurveySettings, unknown>>;
    return {
      surveyor: typeof v.surveyor === 'string' ? v.surveyor.slice(0, 100) : '',
      measure: MEASURES.includes(v.measure as Measure) ? (v.measure as Measure) : 'engineering',
      accuracyLimit: typeof v.accuracyLimit === 'number' && v.accuracyLimit >= 1 && v.accuracyLimit <= 100 ? v.accuracyLimit : DEFAULT_ACCURACY_LIMIT_M,
    };
  } catch {
    return { surveyor: '', measure: 'engineering', accuracyLimit: DEFAULT_ACCURACY_LIMIT_M };
  }
}

export function saveSurveySettings(settings: SurveySettings): void {
  localStorage.setItem(KEY, JSON.stringify(settings));
}

/** The settings, and a change that is remembered at once. */
export function useSurveySettings(): [SurveySettings, (patch: Partial<SurveySettings>) => void] {
  const [survey, setSurvey] = useState<SurveySettings>(loadSurveySettings);
  const change = useCallback((patch: Partial<SurveySettings>) => {
    setSurvey((old) => {
      const next = { ...old, ...patch };
      saveSurveySettings(next);
      return next;
    });
  }, []);
  return [survey, change];
}
