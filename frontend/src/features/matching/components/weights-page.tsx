import { Alert, App, Button, Card, Col, Input, InputNumber, Row, Select, Slider, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { formatPercent } from '@/lib/format-number';
import { formatTime } from '@/lib/format-time';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { useProjectSearch } from '../api/projects';
import { useRanking, useSetWeights, useWeights, type Ranking, type WeightsChange } from '../api/weights';
import type { FactorName, ProjectStatus } from '../types';
import {
  cleanWeight,
  compareRankings,
  FACTOR_NAMES,
  sameWeights,
  weightShares,
  weightTotal,
  type ComparedRow,
  type RankChange,
  type Weights,
} from '../utils/weights';

/** The statuses a project can be ranked in. */
const MATCHABLE: readonly ProjectStatus[] = ['open', 'negotiating'];

/** How long the weights must stay still before the preview asks the server again. */
const PREVIEW_DEBOUNCE_MS = 400;

/**
 * 匹配权重: the seven factor weights in force, their history and, for the secretariat, an
 * editor with a preview of one project's ranking under the edited weights. `canEdit` comes
 * from the route (the secretariat and admins); everybody else reads.
 */
export function WeightsPage({ canEdit }: { canEdit: boolean }) {
  const weights = useWeights();
  if (weights.error) return <Alert type="error" message={weights.error.message} />;
  if (!weights.data) return <Card loading />;
  return <WeightsEditor current={weights.data.current} history={weights.data.history} canEdit={canEdit} />;
}

function WeightsEditor({ current, history, canEdit }: { current: Weights; history: WeightsChange[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  // null: nothing edited yet, so the editor follows the weights in force (also after a save).
  const [draft, setDraft] = useState<Weights | null>(null);
  const [note, setNote] = useState('');
  const save = useSetWeights();

  const edited = draft ?? current;
  const changed = !sameWeights(edited, current);
  const zeroSum = weightTotal(edited) <= 0;
  const shares = weightShares(edited);
  const sharesInForce = weightShares(current);

  const setWeight = (name: FactorName, value: number | null) => {
    if (value === null) return; // an emptied input keeps its weight until something is typed
    setDraft({ ...edited, [name]: cleanWeight(value) });
  };

  const confirmSave = () => {
    modal.confirm({
      title: t('matching.weightsPage.confirmTitle'),
      content: t('matching.weightsPage.confirmBody'),
      okText: t('matching.weightsPage.save'),
      onOk: async () => {
        try {
          await save.mutateAsync({ ...edited, note: note.trim() });
        } catch {
          return; // the error is shown above the editor
        }
        setDraft(null);
        setNote('');
        void message.success(t('matching.weightsPage.saved'));
      },
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="weights-page">
      <Card title={t('matching.weightsPage.title')}>
        <Typography.Paragraph type="secondary">{t('matching.weightsPage.intro')}</Typography.Paragraph>
        {canEdit ? null : (
          <Alert type="info" showIcon message={t('matching.weightsPage.readOnly')} style={{ marginBottom: 12 }} />
        )}
        {save.error ? <Alert type="error" message={save.error.message} style={{ marginBottom: 12 }} /> : null}
        {canEdit && zeroSum ? (
          <Alert type="warning" message={t('matching.weightsPage.zeroSum')} style={{ marginBottom: 12 }} />
        ) : null}
        <Table<FactorName>
          size="small"
          pagination={false}
          rowKey={(name) => name}
          dataSource={[...FACTOR_NAMES]}
          data-testid="weights-table"
          columns={[
            { title: t('matching.factor'), key: 'factor', render: (_: unknown, name) => t(`matching.factors.${name}`) },
            {
              title: t('matching.weightsPage.inForce'),
              key: 'inForce',
              width: 150,
              render: (_: unknown, name) => (
                <span data-testid={`weight-in-force-${name}`}>
                  {current[name]}
                  <Typography.Text type="secondary">{` (${formatPercent(sharesInForce[name], i18n.language)})`}</Typography.Text>
                </span>
              ),
            },
            ...(canEdit
              ? [
                  {
                    title: t('matching.weightsPage.edited'),
                    key: 'edited',
                    render: (_: unknown, name: FactorName) => (
                      <Space style={{ width: '100%' }}>
                        <Slider
                          min={0}
                          max={1}
                          step={0.05}
                          value={edited[name]}
                          onChange={(value: number) => setWeight(name, value)}
                          style={{ width: 200 }}
                          ariaLabelForHandle={t(`matching.factors.${name}`)}
                        />
                        <InputNumber
                          min={0}
                          max={1}
                          step={0.05}
                          precision={2}
                          value={edited[name]}
                          onChange={(value) => setWeight(name, value)}
                          aria-label={t(`matching.factors.${name}`)}
                          data-testid={`weight-input-${name}`}
                        />
                      </Space>
                    ),
                  },
                  {
                    title: t('matching.weightsPage.share'),
                    key: 'share',
                    width: 90,
                    render: (_: unknown, name: FactorName) => (
                      <span data-testid={`weight-share-${name}`}>{formatPercent(shares[name], i18n.language)}</span>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {canEdit ? (
          <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
            <Input.TextArea
              rows={2}
              maxLength={300}
              showCount
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('matching.weightsPage.notePlaceholder')}
              aria-label={t('matching.weightsPage.note')}
              data-testid="weights-note"
            />
            <Space>
              <Button onClick={() => setDraft(null)} disabled={!changed}>
                {t('matching.weightsPage.reset')}
              </Button>
              <Button
                type="primary"
                onClick={confirmSave}
                disabled={!changed || zeroSum}
                loading={save.isPending}
                data-testid="save-weights"
              >
                {t('matching.weightsPage.save')}
              </Button>
            </Space>
          </Space>
        ) : null}
      </Card>
      {canEdit ? <RankingPreview current={current} edited={edited} /> : null}
      <Card title={t('matching.weightsPage.history')}>
        <Table<WeightsChange>
          size="small"
          rowKey="id"
          dataSource={history}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('matching.weightsPage.noHistory') }}
          data-testid="weights-history"
          columns={[
            { title: t('matching.weightsPage.setAt'), dataIndex: 'created_at', width: 200, render: (v: string) => formatTime(v, i18n.language) },
            { title: t('matching.weightsPage.setBy'), dataIndex: 'set_by', width: 160, render: (v: string) => v || '—' },
            { title: t('matching.weightsPage.note'), dataIndex: 'note', render: (v: string) => v || '—' },
          ]}
        />
      </Card>
    </Space>
  );
}

/** 试算: one open project ranked under the weights in force and under the edited weights. */
function RankingPreview({ current, edited }: { current: Weights; edited: Weights }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const projects = useProjectSearch(MATCHABLE, useDebouncedValue(search));
  const [picked, setPicked] = useState<{ value: number; label: string } | null>(null);
  const projectId = picked?.value ?? null;
  const settled = useDebouncedValue(edited, PREVIEW_DEBOUNCE_MS);
  const changed = !sameWeights(settled, current);
  const usable = weightTotal(settled) > 0;

  const inForce = useRanking(projectId, null);
  // Unchanged weights share the query (and the answer) of the ranking in force.
  const tried = useRanking(projectId, changed ? settled : null, usable);
  const rows = inForce.data && tried.data ? compareRankings(inForce.data.results, tried.data.results) : [];

  const options = (projects.data ?? []).map((p) => ({ value: p.id, label: `${p.title} · ${p.park.name}` }));
  // The picked project stays nameable while a later search no longer lists it.
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked);

  return (
    <Card title={t('matching.weightsPage.preview')} data-testid="weights-preview">
      <Typography.Paragraph type="secondary">{t('matching.weightsPage.previewHint')}</Typography.Paragraph>
      {projects.error ? <Alert type="error" message={projects.error.message} style={{ marginBottom: 12 }} /> : null}
      <Select
        showSearch
        allowClear
        filterOption={false}
        onSearch={setSearch}
        loading={projects.isFetching}
        value={projectId}
        onChange={(value: number | undefined) => setPicked(options.find((o) => o.value === value) ?? null)}
        placeholder={t('matching.weightsPage.pickProject')}
        aria-label={t('matching.weightsPage.pickProject')}
        options={options}
        style={{ width: '100%', maxWidth: 480, marginBottom: 16 }}
        data-testid="preview-project"
      />
      {projectId !== null ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <RankingSide title={t('matching.weightsPage.underInForce')} ranking={inForce.data} error={inForce.error}>
              <Table<Ranking['results'][number]>
                size="small"
                pagination={false}
                rowKey={(r) => r.park.id}
                loading={inForce.isFetching}
                dataSource={inForce.data?.results ?? []}
                data-testid="ranking-in-force"
                columns={[
                  { title: t('matching.rank'), dataIndex: 'rank', width: 60 },
                  { title: t('matching.park'), key: 'park', render: (_: unknown, r) => r.park.name },
                  { title: t('matching.score'), dataIndex: 'score', width: 80 },
                ]}
              />
            </RankingSide>
          </Col>
          <Col xs={24} lg={14}>
            <RankingSide title={t('matching.weightsPage.underEdited')} ranking={tried.data} error={tried.error}>
              {usable ? null : <Alert type="warning" message={t('matching.weightsPage.zeroSum')} style={{ marginBottom: 8 }} />}
              <Table<ComparedRow>
                size="small"
                pagination={false}
                rowKey={(r) => r.park.id}
                loading={tried.isFetching || inForce.isFetching}
                dataSource={usable ? rows : []}
                data-testid="ranking-edited"
                columns={[
                  { title: t('matching.rank'), dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? '—' },
                  { title: t('matching.park'), key: 'park', render: (_: unknown, r) => r.park.name },
                  { title: t('matching.score'), dataIndex: 'score', width: 80, render: (v: string | null) => v ?? '—' },
                  {
                    title: t('matching.weightsPage.change'),
                    key: 'change',
                    width: 100,
                    render: (_: unknown, r) => <RankChangeTag change={r.change} parkId={r.park.id} />,
                  },
                ]}
              />
            </RankingSide>
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}

function RankingSide({
  title,
  ranking,
  error,
  children,
}: {
  title: string;
  ranking: Ranking | undefined;
  error: Error | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{title}</Typography.Text>
        {ranking ? (
          <Typography.Text type="secondary">
            {t('matching.weightsPage.candidates', { n: ranking.candidate_count })}
          </Typography.Text>
        ) : null}
      </Space>
      {error ? <Alert type="error" message={error.message} style={{ marginBottom: 8 }} /> : null}
      {children}
    </div>
  );
}

function RankChangeTag({ change, parkId }: { change: RankChange; parkId: number }) {
  const { t } = useTranslation();
  const testId = `rank-change-${parkId}`;
  switch (change.kind) {
    case 'up':
      return <Tag color="green" data-testid={testId}>{t('matching.weightsPage.up', { n: change.by })}</Tag>;
    case 'down':
      return <Tag color="red" data-testid={testId}>{t('matching.weightsPage.down', { n: change.by })}</Tag>;
    case 'new':
      return <Tag color="blue" data-testid={testId}>{t('matching.weightsPage.new')}</Tag>;
    case 'dropped':
      return <Tag color="default" data-testid={testId}>{t('matching.weightsPage.dropped')}</Tag>;
    default:
      return <Typography.Text type="secondary" data-testid={testId}>{t('matching.weightsPage.same')}</Typography.Text>;
  }
}
