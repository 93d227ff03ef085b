import { ApartmentOutlined, ArrowLeftOutlined, CheckCircleFilled } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Row,
  Skeleton,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useOrganisations } from '../api/get-organisations';
import { usePark } from '../api/get-park';
import { useParkEcosystem } from '../api/get-park-ecosystem';
import { ORGANISATION_KINDS, type OrganisationKind, type ParkDetail as ParkDetailData } from '../types';
import { EMPTY_ORGANISATION_FILTERS } from '../utils/filter-params';
import { formatNumber, formatWeight } from '../utils/format';
import { DetailFallback } from './detail-states';
import { ParkKindTag, ParkLevelTag, SyntheticTag } from './network-tags';
import { OrganisationTable } from './organisation-table';
import { RelationsCard } from './relations-card';

const HOSTED_PAGE_SIZE = 10;

function isOrganisationKind(kind: string): kind is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(kind);
}

export function ParkDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const park = usePark(id);

  if (!park.data) {
    return (
      <DetailFallback
        isPending={park.isPending}
        error={park.error}
        notFoundText={t('network.park.notFound')}
        backTo="/parks"
        backText={t('network.park.backToList')}
      />
    );
  }
  return <ParkDetailView park={park.data} />;
}

function ParkDetailView({ park }: { park: ParkDetailData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const industries = [...park.industries].sort((a, b) => b.weight - a.weight);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="park-detail">
      <Breadcrumb
        items={[{ title: <Link to="/parks">{t('nav.parks')}</Link> }, { title: park.short_name || park.name }]}
      />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="park-name">
              {park.name}
            </Typography.Title>
            <ParkLevelTag level={park.level} label={park.level_label} />
            <ParkKindTag kind={park.kind} label={park.kind_label} />
            {park.alliance_member && (
              <Typography.Text type="success">
                <CheckCircleFilled /> {t('network.park.allianceMember')}
              </Typography.Text>
            )}
            {park.is_synthetic && <SyntheticTag sourceNote={park.source_note} />}
          </Space>
          {park.name_en && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {park.name_en}
            </Typography.Text>
          )}
        </div>
        <Space wrap>
          <Link to="/parks">
            <Button icon={<ArrowLeftOutlined />}>{t('network.park.backToList')}</Button>
          </Link>
          <Link to={`/explorer?focus=${encodeURIComponent(park.uid || `park:${park.id}`)}`} data-testid="view-in-graph">
            <Button type="primary" icon={<ApartmentOutlined />}>
              {t('network.viewInGraph')}
            </Button>
          </Link>
        </Space>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('network.park.facts')} style={{ height: '100%' }}>
            <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label={t('network.park.shortName')}>{park.short_name || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('network.park.city')}>{park.city?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('network.park.zone')}>{park.zone?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('network.park.hosted')}>
                {formatNumber(park.hosted_count, language, 0)}
              </Descriptions.Item>
              <Descriptions.Item label={t('network.park.land')}>
                {formatNumber(park.available_land_mu, language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('network.park.space')}>
                {formatNumber(park.available_space_m2, language, 0)}
              </Descriptions.Item>
              <Descriptions.Item label={t('network.park.coordinates')} span="filled">
                {park.latitude != null && park.longitude != null
                  ? `${park.latitude.toFixed(4)}, ${park.longitude.toFixed(4)}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('network.sourceNote')} span="filled">
                {park.source_note || '—'}
              </Descriptions.Item>
            </Descriptions>
            {park.description && (
              <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-line' }}>
                {park.description}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('network.park.leadingIndustries')} style={{ height: '100%' }}>
            {industries.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.park.noIndustries')} />
            ) : (
              <Flex vertical gap={6} data-testid="park-industries">
                {industries.map((industry) => (
                  <div key={industry.id}>
                    <Flex justify="space-between">
                      <Typography.Text>{industry.name}</Typography.Text>
                      <Typography.Text type="secondary">{formatWeight(industry.weight, language)}</Typography.Text>
                    </Flex>
                    <Progress aria-label={industry.name} percent={Math.round(industry.weight * 100)} showInfo={false} size="small" status="normal" />
                  </div>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>

      <EcosystemSummary parkId={park.id} />
      <RelationsCard uid={park.uid || `park:${park.id}`} />
      <HostedOrganisations parkId={park.id} />
    </Space>
  );
}

function EcosystemSummary({ parkId }: { parkId: number }) {
  const { t } = useTranslation();
  const ecosystem = useParkEcosystem(parkId);

  let body;
  if (ecosystem.isPending) {
    body = <Skeleton active paragraph={{ rows: 2 }} />;
  } else if (ecosystem.isError) {
    body = <Alert type="warning" showIcon message={t('network.park.ecosystemUnavailable')} description={ecosystem.error.message} />;
  } else {
    const { summary, capped } = ecosystem.data;
    const hosted = Object.entries(summary.hosted).filter(([, count]) => count > 0);
    const hostedTotal = Object.values(summary.hosted).reduce((sum, count) => sum + count, 0);
    body = (
      <Space direction="vertical" style={{ width: '100%' }}>
        {capped && <Alert type="warning" showIcon message={t('network.park.ecosystemCapped')} />}
        <Row gutter={[16, 16]}>
          <Col xs={12} sm={8} md={4}>
            <Statistic title={t('network.park.hostedTotal')} value={hostedTotal} />
          </Col>
          {hosted.map(([kind, count]) => (
            <Col key={kind} xs={12} sm={8} md={4}>
              <Statistic title={isOrganisationKind(kind) ? t(`network.organisationKinds.${kind}`) : kind} value={count} />
            </Col>
          ))}
          <Col xs={12} sm={8} md={4}>
            <Statistic title={t('network.park.cooperating')} value={summary.cooperating} />
          </Col>
          <Col xs={12} sm={8} md={4}>
            <Statistic title={t('network.park.partnerParks')} value={summary.partner_parks} />
          </Col>
          <Col xs={12} sm={8} md={4}>
            <Statistic title={t('network.park.enclaves')} value={summary.enclaves} />
          </Col>
        </Row>
      </Space>
    );
  }
  return (
    <Card size="small" title={t('network.park.ecosystem')} data-testid="park-ecosystem">
      {body}
    </Card>
  );
}

function HostedOrganisations({ parkId }: { parkId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const hosted = useOrganisations({ ...EMPTY_ORGANISATION_FILTERS, park: parkId, page, page_size: HOSTED_PAGE_SIZE });

  return (
    <Card
      size="small"
      title={t('network.park.hostedOrganisations')}
      extra={
        <Link to={`/organisations?park=${parkId}`}>{t('network.park.allHosted')}</Link>
      }
    >
      {hosted.isError ? (
        <Alert type="error" showIcon message={hosted.error.message} />
      ) : (
        <OrganisationTable
          data-testid="hosted-organisations"
          hidePark
          organisations={hosted.data?.results ?? []}
          loading={hosted.isFetching}
          pagination={{
            current: page,
            pageSize: HOSTED_PAGE_SIZE,
            total: hosted.data?.count ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('network.organisations.total', { count: total }),
            onChange: setPage,
          }}
        />
      )}
    </Card>
  );
}
