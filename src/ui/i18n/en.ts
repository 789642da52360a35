import { enCommon } from './en/common.ts';
import { enSurvey } from './en/survey.ts';
import { enPlanner } from './en/planner.ts';
import { enReview } from './en/review.ts';
import { enFiles } from './en/files.ts';
import { enOffline } from './en/offline.ts';
// New-programme wizard
import { enWizard } from './en/wizard.ts';
// Programmes (issue 15)
import { enProgrammes } from './en/programmes.ts';
// Team server (issue 16)
import { enServer } from './en/server.ts';
// Sync with the team server (issue 17)
import { enSync } from './en/sync.ts';
// Sync conflicts (issue 17)
import { enConflicts } from './en/conflicts.ts';
// Programme members on the team server
import { enMembers } from './en/members.ts';
import type { MessageKey } from './zh.ts';

export const en: Record<MessageKey, string> = { ...enCommon, ...enSurvey, ...enPlanner, ...enReview, ...enFiles, ...enOffline, ...enWizard, ...enProgrammes, ...enServer, ...enSync, ...enConflicts, ...enMembers };
