import { ApartmentOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useOrganisation } from '../api/get-organisation';
import type { Organisation } from '../types';
import { formatNumber } from '../utils/format';
import { DetailFallback } from './detail-states';
import { OrganisationFlagTags, OrganisationKindTag, organisationFlags, SyntheticTag } from './network-tags';
import { RelationsCard } from './relations-card';

export function OrganisationDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const organisation = useOrganisation(id);
  if (!organisation.data) {
    return (
      <DetailFallback
        isPending={organisation.isPending}
        error={organisation.error}
        notFoundText={t('network.organisation.notFound')}
        backTo="/organisations"
        backText={t('network.organisation.backToList')}
      />
    );
  }
  return <OrganisationDetailView organisation={organisation.data} />;
}

function OrganisationDetailView({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="organisation-detail">
      <Breadcrumb
        items={[{ title: <Link to="/organisations">{t('nav.organisations')}</Link> }, { title: organisation.name }]}
      />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="organisation-name">
              {organisation.name}
            </Typography.Title>
            <OrganisationKindTag kind={organisation.kind} />
            {organisation.subkind_label && <Typography.Text type="secondary">{organisation.subkind_label}</Typography.Text>}
            {organisation.is_synthetic && <SyntheticTag sourceNote={organisation.source_note} />}
          </Space>
          {organisation.name_en && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {organisation.name_en}
            </Typography.Text>
          )}
        </div>
        <Space wrap>
          <Link to="/organisations">
            <Button icon={<ArrowLeftOutlined />}>{t('network.organisation.backToList')}</Button>
          </Link>
          <Link
            to={`/explorer?focus=${encodeURIComponent(organisation.uid || `org:${organisation.id}`)}`}
            data-testid="view-in-graph"
          >
            <Button type="primary" icon={<ApartmentOutlined />}>
              {t('network.viewInGraph')}
            </Button>
          </Link>
        </Space>
      </Flex>
      <Card size="small" title={t('network.organisation.facts')}>
        <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('network.organisation.kind')}>
            {organisation.kind_label}
            {organisation.subkind_label ? ` · ${organisation.subkind_label}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('network.organisation.city')}>{organisation.city?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('network.organisation.park')}>
            {organisation.park ? <Link to={`/parks/${organisation.park.id}`}>{organisation.park.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('network.organisation.founded')}>{organisation.founded_year ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('network.organisation.employees')}>
            {formatNumber(organisation.employees, i18n.language, 0)}
          </Descriptions.Item>
          <Descriptions.Item label={t('network.organisation.flags')}>
            {organisationFlags(organisation).length > 0 ? <OrganisationFlagTags organisation={organisation} /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('network.organisation.industries')} span="filled">
            {organisation.industries.length === 0
              ? '—'
              : organisation.industries.map((industry) => (
                  <Tag key={industry.id} bordered={false}>
                    {industry.name}
                  </Tag>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('network.sourceNote')} span="filled">
            {organisation.source_note || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <RelationsCard uid={organisation.uid || `org:${organisation.id}`} />
    </Space>
  );
}
