import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ConsoleRun, SavedQuery } from '../types';
import { AnalyticsPanel } from './analytics-panel';
import { ConsolePanel, EXAMPLE_QUERY, type Draft } from './console-panel';
import { ExportsPanel } from './exports-panel';
import { HistoryPanel } from './history-panel';
import { SavedQueriesPanel } from './saved-queries-panel';

const CONSOLE_ROLES = new Set(['admin', 'secretariat', 'researcher']);

/** The signed-in user, as much of it as this page needs (passed in by the route). */
export type ResearchUser = { role: string };

export function isConsoleUser(user: ResearchUser): boolean {
  return CONSOLE_ROLES.has(user.role);
}

/** The research workspace: console, saved queries, history, analytics and exports. Park staff
 * and organisation users see the saved queries (to run), their history and their exports. */
export function ResearchPage({ user }: { user: ResearchUser }) {
  const { t } = useTranslation();
  const consoleUser = isConsoleUser(user);
  // ?tab=saved|history|… opens that tab (the home page's figures link straight to their list).
  const [tab, setTab] = useState(
    () => new URLSearchParams(window.location.search).get('tab') ?? (consoleUser ? 'console' : 'saved'),
  );
  const [draft, setDraft] = useState<Draft>({ cypher: EXAMPLE_QUERY, parameters: '' });

  const openInConsole = (cypher: string, parameters: Record<string, unknown>) => {
    setDraft({ cypher, parameters: Object.keys(parameters).length ? JSON.stringify(parameters, null, 2) : '' });
    setTab('console');
  };

  const items = [
    ...(consoleUser
      ? [{ key: 'console', label: t('research.tabs.console'), children: <ConsolePanel draft={draft} onDraft={setDraft} /> }]
      : []),
    {
      key: 'saved',
      label: t('research.tabs.saved'),
      children: (
        <SavedQueriesPanel
          onEdit={(query: SavedQuery) =>
            openInConsole(
              query.current?.cypher ?? '',
              Object.fromEntries((query.current?.parameters ?? []).map((p) => [p.name, p.default])),
            )
          }
        />
      ),
    },
    {
      key: 'history',
      label: t('research.tabs.history'),
      children: (
        <HistoryPanel
          canSeeAll={user.role === 'admin' || user.role === 'secretariat'}
          onOpen={consoleUser ? (run: ConsoleRun) => openInConsole(run.cypher, run.parameters) : undefined}
        />
      ),
    },
    ...(consoleUser ? [{ key: 'analytics', label: t('research.tabs.analytics'), children: <AnalyticsPanel /> }] : []),
    { key: 'exports', label: t('research.tabs.exports'), children: <ExportsPanel /> },
  ];

  return (
    <div style={{ padding: '16px 24px' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('research.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(consoleUser ? 'research.intro' : 'research.introSaved')}</Typography.Paragraph>
      <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden={false} />
    </div>
  );
}
