// Chinese is the primary language. The dictionary is kept by area (zh/*.ts); every key must exist
// in the English area of the same name (checked by the type).
import { zhCommon } from './zh/common.ts';
import { zhSurvey } from './zh/survey.ts';
import { zhPlanner } from './zh/planner.ts';
import { zhReview } from './zh/review.ts';
import { zhFiles } from './zh/files.ts';
import { zhOffline } from './zh/offline.ts';
// New-programme wizard
import { zhWizard } from './zh/wizard.ts';
// Programmes (issue 15)
import { zhProgrammes } from './zh/programmes.ts';
// Team server (issue 16)
import { zhServer } from './zh/server.ts';
// Sync with the team server (issue 17)
import { zhSync } from './zh/sync.ts';
// Sync conflicts (issue 17)
import { zhConflicts } from './zh/conflicts.ts';
// Programme members on the team server
import { zhMembers } from './zh/members.ts';

export const zh = { ...zhCommon, ...zhSurvey, ...zhPlanner, ...zhReview, ...zhFiles, ...zhOffline, ...zhWizard, ...zhProgrammes, ...zhServer, ...zhSync, ...zhConflicts, ...zhMembers };

export type MessageKey = keyof typeof zh;
