import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Card, Flex, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useParks } from '../api/get-parks';
import { useUrlFilters } from '../hooks/use-url-filters';
import type { Park } from '../types';
import { EMPTY_PARK_FILTERS, PAGE_SIZES, parkFiltersToParams, parseParkFilters } from '../utils/filter-params';
import { formatNumber, formatWeight } from '../utils/format';
import { ExportButtons } from './export-buttons';
import { ParkKindTag, ParkLevelTag, SyntheticTag } from './network-tags';
import { ParkFiltersBar } from './park-filters-bar';

const MAX_INDUSTRY_TAGS = 3;

/** 园区 list: filters in the URL, server-side pagination, export links. */
export function ParkList() {
  const { t, i18n } = useTranslation();
  const { filters, update, reset } = useUrlFilters(parseParkFilters, parkFiltersToParams, EMPTY_PARK_FILTERS);
  const parks = useParks(filters);
  const language = i18n.language;

  const columns: TableColumnsType<Park> = [
    {
      title: t('network.park.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 220,
      render: (_, park) => (
        <Space direction="vertical" size={0}>
          <Space size={4} wrap>
            <Link to={`/parks/${park.id}`} data-testid="park-link">
              {park.name}
            </Link>
            {park.is_synthetic && <SyntheticTag sourceNote={park.source_note} />}
          </Space>
          {(park.short_name || park.name_en) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[park.short_name, park.name_en].filter(Boolean).join(' · ')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('network.park.city'),
      key: 'city',
      width: 100,
      render: (_, park) => (
        <Space direction="vertical" size={0}>
          <span>{park.city?.name ?? '—'}</span>
          {park.zone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {park.zone.name}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('network.park.level'),
      key: 'level',
      width: 90,
      render: (_, park) => <ParkLevelTag level={park.level} label={park.level_label} />,
    },
    {
      title: t('network.park.kind'),
      key: 'kind',
      width: 140,
      render: (_, park) => <ParkKindTag kind={park.kind} label={park.kind_label} />,
    },
    {
      title: t('network.park.industries'),
      key: 'industries',
      width: 250,
      render: (_, park) => {
        const top = [...park.industries].sort((a, b) => b.weight - a.weight);
        const rest = top.slice(MAX_INDUSTRY_TAGS);
        return (
          <Space size={[0, 4]} wrap>
            {top.slice(0, MAX_INDUSTRY_TAGS).map((industry) => (
              <Tag key={industry.id} bordered={false}>
                {industry.name} <Typography.Text type="secondary">{formatWeight(industry.weight, language)}</Typography.Text>
              </Tag>
            ))}
            {rest.length > 0 && (
              <Tooltip title={rest.map((industry) => industry.name).join('、')}>
                <Tag bordered={false}>+{rest.length}</Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: t('network.park.land'),
      key: 'land',
      align: 'right',
      width: 100,
      render: (_, park) => formatNumber(park.available_land_mu, language),
    },
    {
      title: t('network.park.space'),
      key: 'space',
      align: 'right',
      width: 110,
      render: (_, park) => formatNumber(park.available_space_m2, language, 0),
    },
    {
      title: t('network.park.hosted'),
      dataIndex: 'hosted_count',
      key: 'hosted',
      align: 'right',
      width: 80,
      render: (count: number) => formatNumber(count, language, 0),
    },
    {
      title: t('network.park.allianceShort'),
      key: 'alliance',
      align: 'center',
      width: 60,
      render: (_, park) =>
        park.alliance_member ? (
          <Tooltip title={t('network.park.allianceMember')}>
            <CheckCircleFilled style={{ color: '#1f6f8b' }} aria-label={t('network.park.allianceMember')} />
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('network.parks.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('network.parks.subtitle')}</Typography.Text>
        </div>
        <ExportButtons entity="parks" filters={parkFiltersToParams(filters)} />
      </Flex>
      <Card size="small">
        <ParkFiltersBar filters={filters} onChange={update} onReset={reset} />
      </Card>
      {parks.isError && <Alert type="error" showIcon message={parks.error.message} />}
      <Table<Park>
        data-testid="park-table"
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={parks.data?.results ?? []}
        loading={parks.isFetching}
        scroll={{ x: 1150 }}
        pagination={{
          current: filters.page,
          pageSize: filters.page_size,
          total: parks.data?.count ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) => t('network.parks.total', { count: total }),
          onChange: (page, pageSize) => update({ page, page_size: pageSize }),
        }}
      />
    </Space>
  );
}
