import { ArrowLeftOutlined, ArrowRightOutlined, DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { exportUrl } from '../api/export-url';
import { useRelations } from '../api/get-relations';
import type { Relation } from '../types';
import { SyntheticTag } from './network-tags';

const PAGE_SIZE = 10;
const UNDIRECTED = new Set(['PARTNER_OF', 'COOPERATES_WITH', 'DOCKED_WITH']);
const KIND_COLOURS: Record<string, string> = {
  ENCLAVE_OF: 'purple',
  PARTNER_OF: 'magenta',
  COOPERATES_WITH: 'green',
  AFFILIATED_WITH: 'geekblue',
  SUPPLIES_TO: 'orange',
  DOCKED_WITH: 'cyan',
};
const RELATION_KINDS = [
  'ENCLAVE_OF',
  'PARTNER_OF',
  'DOCKED_WITH',
  'COOPERATES_WITH',
  'AFFILIATED_WITH',
  'SUPPLIES_TO',
] as const;
const COOPERATION_KINDS = ['joint_lab', 'joint_research', 'tech_transfer', 'talent', 'investment', 'other'] as const;

function pagePath(uid: string): string | null {
  const match = /^(park|org):(\d+)$/.exec(uid);
  if (!match) return null;
  return match[1] === 'park' ? `/parks/${match[2]}` : `/organisations/${match[2]}`;
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** The typed relations one entity takes part in, with the other end linked. */
export function RelationsCard({ uid }: { uid: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const relations = useRelations({ uid, page, page_size: PAGE_SIZE });

  const directionHint = (kind: string, outgoing: boolean) => {
    if (kind === 'ENCLAVE_OF') return t(outgoing ? 'network.relations.enclaveOut' : 'network.relations.enclaveIn');
    if (UNDIRECTED.has(kind)) return t('network.relations.mutual');
    return t(outgoing ? 'network.relations.outgoing' : 'network.relations.incoming');
  };

  const columns: TableColumnsType<Relation> = [
    {
      title: t('network.relations.kind'),
      key: 'kind',
      width: 130,
      render: (_, relation) => (
        <Tag color={KIND_COLOURS[relation.kind] ?? 'default'} bordered={false}>
          {isOneOf(RELATION_KINDS, relation.kind) ? t(`network.relationKinds.${relation.kind}`) : relation.kind_label}
        </Tag>
      ),
    },
    {
      title: t('network.relations.other'),
      key: 'other',
      render: (_, relation) => {
        const outgoing = relation.source.uid === uid;
        const other = outgoing ? relation.target : relation.source;
        const path = pagePath(other.uid);
        const direction = UNDIRECTED.has(relation.kind) ? (
          <SwapOutlined />
        ) : outgoing ? (
          <ArrowRightOutlined />
        ) : (
          <ArrowLeftOutlined />
        );
        return (
          <Space size={6}>
            <Tooltip title={directionHint(relation.kind, outgoing)}>
              <Typography.Text type="secondary">{direction}</Typography.Text>
            </Tooltip>
            {path ? <Link to={path}>{other.name}</Link> : other.name}
            {relation.is_synthetic && <SyntheticTag sourceNote={relation.source_note} />}
          </Space>
        );
      },
    },
    {
      title: t('network.relations.detail'),
      key: 'detail',
      render: (_, relation) => {
        const parts = [
          relation.name,
          relation.cooperation_kind && isOneOf(COOPERATION_KINDS, relation.cooperation_kind)
            ? t(`network.cooperationKinds.${relation.cooperation_kind}`)
            : relation.cooperation_kind,
          relation.note,
        ].filter(Boolean);
        return parts.length ? parts.join(' · ') : '—';
      },
    },
    {
      title: t('network.relations.period'),
      key: 'period',
      width: 200,
      render: (_, relation) => {
        if (relation.started_on || relation.ended_on) {
          return `${relation.started_on ?? '…'} — ${relation.ended_on ?? t('network.relations.ongoing')}`;
        }
        if (relation.agreement_signed_on) return t('network.relations.signed', { date: relation.agreement_signed_on });
        return '—';
      },
    },
  ];

  return (
    <Card
      size="small"
      title={t('network.relations.title')}
      data-testid="relations"
      extra={
        (relations.data?.count ?? 0) > 0 && (
          <Space size={12}>
            <a href={exportUrl('relations', 'csv', new URLSearchParams({ uid }))}>
              <DownloadOutlined /> CSV
            </a>
            <a href={exportUrl('relations', 'xlsx', new URLSearchParams({ uid }))}>
              <DownloadOutlined /> Excel
            </a>
          </Space>
        )
      }
    >
      {relations.isError ? (
        <Alert type="error" showIcon message={relations.error.message} />
      ) : (
        <Table<Relation>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={relations.data?.results ?? []}
          loading={relations.isFetching}
          locale={{ emptyText: t('network.relations.none') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: relations.data?.count ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: setPage,
          }}
        />
      )}
    </Card>
  );
}
