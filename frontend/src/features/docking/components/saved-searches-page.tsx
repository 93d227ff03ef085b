import { Alert, Button, Card, Empty, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useVocabulary } from '../api/admin';
import { toQuery } from '../api/postings';
import { useDeleteSavedSearch, useSavedSearches, useUpdateSavedSearch } from '../api/saved-searches';
import type { SavedSearch } from '../types';
import { formatDate } from '../utils/format';

/** /docking/searches: saved searches, each with its alert switch and a link to its results. */
export function SavedSearchesPage() {
  const { t, i18n } = useTranslation();
  const searches = useSavedSearches();
  const vocabulary = useVocabulary();
  const update = useUpdateSavedSearch();
  const remove = useDeleteSavedSearch();
  const error = searches.error ?? update.error ?? remove.error;

  return (
    <Card title={t('docking.searches.title')} data-testid="saved-searches">
      <Typography.Paragraph type="secondary">{t('docking.searches.intro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<SavedSearch>
        rowKey="id"
        loading={searches.isLoading}
        dataSource={searches.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('docking.searches.empty')} /> }}
        columns={[
          { title: t('docking.searches.name'), dataIndex: 'name' },
          {
            title: t('docking.searches.criteria'),
            key: 'criteria',
            render: (_: unknown, s) => (
              <Space size={[0, 4]} wrap>
                {s.text ? <Tag>“{s.text}”</Tag> : null}
                {s.kind ? <Tag color="blue">{vocabulary.data?.kinds.find((k) => k.value === s.kind)?.label ?? s.kind}</Tag> : null}
                {s.industry ? <Tag>{s.industry.name}</Tag> : null}
                {s.region ? <Tag>{s.region.name}</Tag> : null}
                {!s.text && !s.kind && !s.industry && !s.region ? <Tag>{t('docking.searches.everything')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('docking.searches.alerts'),
            dataIndex: 'alerts',
            render: (alerts: boolean, s) => (
              <Switch
                checked={alerts}
                size="small"
                loading={update.isPending && update.variables?.id === s.id}
                onChange={(checked) => update.mutate({ id: s.id, alerts: checked })}
                aria-label={t('docking.searches.alerts')}
                data-testid={`alerts-${s.id}`}
              />
            ),
          },
          { title: t('docking.searches.created'), dataIndex: 'created_at', render: (v: string) => formatDate(v, i18n.language) },
          {
            title: t('docking.requests.actions'),
            key: 'actions',
            render: (_: unknown, s) => (
              <Space>
                <Link
                  to={`/docking${toQuery({ q: s.text, kind: s.kind, industry: s.industry?.id, region: s.region?.id })}`}
                >
                  {t('docking.searches.results')}
                </Link>
                <Popconfirm
                  title={t('docking.searches.deleteConfirm')}
                  onConfirm={() => remove.mutate(s.id)}
                  okText={t('docking.common.confirm')}
                  cancelText={t('docking.common.cancel')}
                >
                  <Button type="link" danger size="small">
                    {t('docking.common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
