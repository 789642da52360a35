// The four roles' panels as tabs, the same in every layout (side panel or bottom sheet).
import type { ReactNode } from 'react';
import { SideTabs } from '../ui/SideTabs.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';

export type Role = 'layers' | 'survey' | 'planner' | 'review';

export function RoleTabs(props: { active: Role; onActivate: (role: Role) => void; panels: Record<Role, ReactNode> }) {
  const { t } = useI18n();
  const roles: Role[] = ['layers', 'survey', 'planner', 'review'];
  return (
    <SideTabs<Role>
      label={t('side.label')}
      active={props.active}
      onActivate={props.onActivate}
      tabs={roles.map((key) => ({ key, label: t(`side.${key}`), content: props.panels[key] }))}
    />
  );
}
