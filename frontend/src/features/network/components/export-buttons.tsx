import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { exportUrl } from '../api/export-url';
import type { ExportEntity } from '../types';

type Props = {
  entity: Exclude<ExportEntity, 'relations'>;
  /** The list's current filters: the file holds what the list shows, on every page. */
  filters: URLSearchParams;
};

/** Download links for one entity's export (CSV and Excel), plus the relations export. */
export function ExportButtons({ entity, filters }: Props) {
  const { t } = useTranslation();
  const filtered = [...filters.keys()].some((key) => key !== 'page' && key !== 'page_size');
  return (
    <Space size={8} wrap>
      <Tooltip title={filtered ? t('network.export.filteredHint') : undefined}>
        <Space size={8}>
          <Button icon={<DownloadOutlined />} href={exportUrl(entity, 'csv', filters)} data-testid={`export-${entity}-csv`}>
            {t('network.export.csv')}
          </Button>
          <Button icon={<DownloadOutlined />} href={exportUrl(entity, 'xlsx', filters)} data-testid={`export-${entity}-xlsx`}>
            {t('network.export.xlsx')}
          </Button>
        </Space>
      </Tooltip>
      <Dropdown
        menu={{
          items: [
            { key: 'csv', label: <a href={exportUrl('relations', 'csv')}>{t('network.export.relationsCsv')}</a> },
            { key: 'xlsx', label: <a href={exportUrl('relations', 'xlsx')}>{t('network.export.relationsXlsx')}</a> },
          ],
        }}
      >
        <Button>
          <Space size={4}>
            {t('network.export.relations')}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
    </Space>
  );
}
