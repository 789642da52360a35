// Which target group a mine's category counts towards. Seed 001 sets targets for producing mines
// apart from closed, policy-closed and abandoned ones; new mines (under construction) answer for
// their own damage as producing ones do ("不再欠新账").
import type { MineCategory, TargetCategoryGroup } from './model.ts';

export function targetGroup(category: MineCategory): TargetCategoryGroup {
  return category === 'producing' || category === 'under_construction' ? 'producing' : 'closed_and_abandoned';
}
