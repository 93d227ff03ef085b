import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Pagination, Row, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { useVocabulary } from '../api/admin';
import { usePostings } from '../api/postings';
import { useCreateSavedSearch } from '../api/saved-searches';
import { useDockingViewer } from '../hooks/use-docking-viewer';
import type { PostingFilters, PostingKind, PostingStatus } from '../types';
import { CityPicker, IndustryPicker, OrganisationPicker, ParkPicker } from './pickers';
import { PostingCard } from './posting-card';

const PAGE_SIZE = 12;

function numberParam(params: URLSearchParams, name: string): number | undefined {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The filters live in the URL, so a search can be shared, bookmarked and reloaded. */
export function filtersFromParams(params: URLSearchParams): PostingFilters {
  return {
    q: params.get('q')?.trim() || undefined,
    kind: (params.get('kind') as PostingKind | null) || undefined,
    industry: numberParam(params, 'industry'),
    region: numberParam(params, 'region'),
    owner_park: numberParam(params, 'owner_park'),
    owner_organisation: numberParam(params, 'owner_organisation'),
    status: (params.get('status') as PostingStatus | null) || undefined,
    page: numberParam(params, 'page'),
  };
}

/**
 * The marketplace (/docking) and the viewer's own postings (/docking/mine, every status,
 * expired ones too).
 */
export function MarketplacePage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation();
  const viewer = useDockingViewer();
  const vocabulary = useVocabulary();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [typed, setTyped] = useState(filters.q ?? '');
  const [saving, setSaving] = useState(false);
  const query: PostingFilters = { ...filters, page_size: PAGE_SIZE, ...(mine ? { mine: true, include_expired: true } : {}) };
  const postings = usePostings(query);

  const update = (changes: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '') {
        next.delete(key);
      } else {
        next.set(key, String(value));
      }
    }
    if (!('page' in changes)) {
      next.delete('page');
    }
    setParams(next, { replace: true });
  };

  const results = postings.data?.results ?? [];
  return (
    <Card
      title={mine ? t('docking.market.mineTitle') : t('docking.market.title')}
      extra={
        <Space>
          {mine ? null : (
            <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="save-search">
              {t('docking.searches.saveThis')}
            </Button>
          )}
          {viewer.canWrite ? (
            <Link to="/docking/postings/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-posting">
                {t('docking.market.newPosting')}
              </Button>
            </Link>
          ) : null}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }} data-testid="market-filters">
        <Input.Search
          allowClear
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            if (!event.target.value) update({ q: null });
          }}
          onSearch={(value) => update({ q: value.trim() })}
          placeholder={t('docking.filters.searchPlaceholder')}
          aria-label={t('docking.filters.search')}
          enterButton={t('docking.filters.searchButton')}
          style={{ width: 320 }}
          data-testid="market-search"
        />
        <Select<PostingKind>
          allowClear
          placeholder={t('docking.filters.kind')}
          aria-label={t('docking.filters.kind')}
          value={filters.kind}
          onChange={(kind) => update({ kind })}
          options={vocabulary.data?.kinds ?? []}
          style={{ minWidth: 150 }}
          data-testid="filter-kind"
        />
        <IndustryPicker value={filters.industry} onChange={(industry) => update({ industry })} />
        <CityPicker value={filters.region} onChange={(region) => update({ region })} />
        {mine ? (
          <Select<PostingStatus>
            allowClear
            placeholder={t('docking.filters.status')}
            aria-label={t('docking.filters.status')}
            value={filters.status}
            onChange={(status) => update({ status })}
            options={vocabulary.data?.posting_statuses ?? []}
            style={{ minWidth: 130 }}
          />
        ) : (
          <>
            <ParkPicker value={filters.owner_park} onChange={(owner_park) => update({ owner_park })} />
            <OrganisationPicker
              value={filters.owner_organisation}
              onChange={(owner_organisation) => update({ owner_organisation })}
            />
          </>
        )}
      </Space>
      {postings.error ? <Alert type="error" showIcon message={postings.error.message} style={{ marginBottom: 16 }} /> : null}
      {postings.data ? (
        <Typography.Paragraph type="secondary" data-testid="market-count">
          {t('docking.market.count', { count: postings.data.count })}
        </Typography.Paragraph>
      ) : null}
      {results.length === 0 && !postings.isLoading ? (
        <Empty description={mine ? t('docking.market.mineEmpty') : t('docking.market.empty')} />
      ) : (
        <Row gutter={[16, 16]} data-testid="posting-list">
          {results.map((posting) => (
            <Col key={posting.id} xs={24} md={12} xl={8}>
              <PostingCard posting={posting} showStatus={mine} />
            </Col>
          ))}
        </Row>
      )}
      {postings.data && postings.data.count > PAGE_SIZE ? (
        <Pagination
          style={{ marginTop: 16, textAlign: 'right' }}
          current={filters.page ?? 1}
          pageSize={PAGE_SIZE}
          total={postings.data.count}
          showSizeChanger={false}
          onChange={(page) => update({ page: page > 1 ? page : null })}
        />
      ) : null}
      {saving ? <SaveSearchModal filters={filters} onClose={() => setSaving(false)} /> : null}
    </Card>
  );
}

function SaveSearchModal({ filters, onClose }: { filters: PostingFilters; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; alerts: boolean }>();
  const create = useCreateSavedSearch();
  const submit = async () => {
    const values = await form.validateFields();
    await create.mutateAsync({
      name: values.name,
      alerts: values.alerts,
      kind: filters.kind ?? '',
      industry: filters.industry ?? null,
      region: filters.region ?? null,
      text: filters.q ?? '',
    });
    void message.success(t('docking.searches.saved'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('docking.searches.saveThis')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      okText={t('docking.common.save')}
      cancelText={t('docking.common.cancel')}
    >
      {create.error ? <Alert type="error" showIcon message={create.error.message} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">{t('docking.searches.saveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ name: filters.q ?? '', alerts: true }}>
        <Form.Item name="name" label={t('docking.searches.name')} rules={[{ required: true, message: t('docking.searches.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="alerts" label={t('docking.searches.alerts')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
