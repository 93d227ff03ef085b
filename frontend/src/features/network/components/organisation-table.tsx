import { Space, Table, Tag, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import type { Organisation } from '../types';
import { formatNumber } from '../utils/format';
import { OrganisationFlagTags, OrganisationKindTag, SyntheticTag } from './network-tags';

const MAX_INDUSTRY_TAGS = 2;

type Props = {
  organisations: Organisation[];
  loading: boolean;
  pagination: TablePaginationConfig;
  /** Leave the park column out (a park's own page lists what it hosts). */
  hidePark?: boolean;
  'data-testid'?: string;
};

export function OrganisationTable({ organisations, loading, pagination, hidePark = false, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  const columns: TableColumnsType<Organisation> = [
    {
      title: t('network.organisation.name'),
      key: 'name',
      fixed: 'left',
      width: 230,
      render: (_, organisation) => (
        <Space direction="vertical" size={0}>
          <Space size={4} wrap>
            <Link to={`/organisations/${organisation.id}`} data-testid="organisation-link">
              {organisation.name}
            </Link>
            {organisation.is_synthetic && <SyntheticTag sourceNote={organisation.source_note} />}
          </Space>
          {organisation.name_en && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {organisation.name_en}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('network.organisation.kind'),
      key: 'kind',
      width: 140,
      render: (_, organisation) => (
        <Space direction="vertical" size={0}>
          <OrganisationKindTag kind={organisation.kind} />
          {organisation.subkind_label && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {organisation.subkind_label}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('network.organisation.city'),
      key: 'city',
      width: 70,
      render: (_, organisation) => organisation.city?.name ?? '—',
    },
    ...(hidePark
      ? []
      : [
          {
            title: t('network.organisation.park'),
            key: 'park',
            width: 150,
            render: (_: unknown, organisation: Organisation) =>
              organisation.park ? <Link to={`/parks/${organisation.park.id}`}>{organisation.park.name}</Link> : '—',
          },
        ]),
    {
      title: t('network.organisation.flags'),
      key: 'flags',
      width: 180,
      render: (_, organisation) => <OrganisationFlagTags organisation={organisation} />,
    },
    {
      title: t('network.organisation.industries'),
      key: 'industries',
      width: 220,
      render: (_, organisation) => {
        const rest = organisation.industries.slice(MAX_INDUSTRY_TAGS);
        return (
          <Space size={[0, 4]} wrap>
            {organisation.industries.slice(0, MAX_INDUSTRY_TAGS).map((industry) => (
              <Tag key={industry.id} bordered={false}>
                {industry.name}
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
      title: t('network.organisation.founded'),
      dataIndex: 'founded_year',
      key: 'founded',
      align: 'right',
      width: 76,
      render: (year: number | null) => year ?? '—',
    },
    {
      title: t('network.organisation.employees'),
      dataIndex: 'employees',
      key: 'employees',
      align: 'right',
      width: 76,
      render: (employees: number | null) => formatNumber(employees, language, 0),
    },
  ];

  return (
    <Table<Organisation>
      data-testid={rest['data-testid']}
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={organisations}
      loading={loading}
      scroll={{ x: hidePark ? 1000 : 1150 }}
      pagination={pagination}
    />
  );
}
