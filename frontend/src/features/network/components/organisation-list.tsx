import { Alert, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useOrganisations } from '../api/get-organisations';
import { useUrlFilters } from '../hooks/use-url-filters';
import {
  EMPTY_ORGANISATION_FILTERS,
  organisationFiltersToParams,
  PAGE_SIZES,
  parseOrganisationFilters,
} from '../utils/filter-params';
import { ExportButtons } from './export-buttons';
import { OrganisationFiltersBar } from './organisation-filters-bar';
import { OrganisationTable } from './organisation-table';

/** 机构 list: universities, labs, enterprises, incubators, financiers. */
export function OrganisationList() {
  const { t } = useTranslation();
  const { filters, update, reset } = useUrlFilters(
    parseOrganisationFilters,
    organisationFiltersToParams,
    EMPTY_ORGANISATION_FILTERS,
  );
  const organisations = useOrganisations(filters);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('network.organisations.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('network.organisations.subtitle')}</Typography.Text>
        </div>
        <ExportButtons entity="organisations" filters={organisationFiltersToParams(filters)} />
      </Flex>
      <Card size="small">
        <OrganisationFiltersBar filters={filters} onChange={update} onReset={reset} />
      </Card>
      {organisations.isError && <Alert type="error" showIcon message={organisations.error.message} />}
      <OrganisationTable
        data-testid="organisation-table"
        organisations={organisations.data?.results ?? []}
        loading={organisations.isFetching}
        pagination={{
          current: filters.page,
          pageSize: filters.page_size,
          total: organisations.data?.count ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) => t('network.organisations.total', { count: total }),
          onChange: (page, pageSize) => update({ page, page_size: pageSize }),
        }}
      />
    </Space>
  );
}
