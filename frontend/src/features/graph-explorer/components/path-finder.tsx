import { Alert, Button, Flex, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DEFAULT_PATH_HOPS } from '../api/get-path';
import type { PathResult } from '../hooks/use-explorer-graph';
import type { SearchHit } from '../types';
import { ExplorerSearch } from './explorer-search';

const MAX_PATH_HOPS = 8;

type Props = {
  source: string;
  sourceName: string;
  result: PathResult | null;
  onFind: (target: SearchHit, maxHops: number) => void;
  onClear: () => void;
  error: string | null;
};

/** The shortest chain of relationships from the selected node to any other entity. */
export function PathFinder({ source, sourceName, result, onFind, onClear, error }: Props) {
  const { t } = useTranslation();
  const [maxHops, setMaxHops] = useState(DEFAULT_PATH_HOPS);
  const [target, setTarget] = useState<SearchHit | null>(null);
  const shown = result && result.source === source ? result : null;

  return (
    <Flex vertical gap={6} data-testid="path-finder">
      <Typography.Text strong>{t('explorer.path.title')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('explorer.path.hint', { name: sourceName })}
      </Typography.Text>
      <Flex gap={6} align="center">
        <ExplorerSearch
          size="small"
          keepPicked={false}
          placeholder={t('explorer.path.target')}
          onPick={(hit) => {
            setTarget(hit);
            onFind(hit, maxHops);
          }}
          style={{ flex: 1, width: 'auto', minWidth: 0 }}
          data-testid="path-target"
        />
        <InputNumber
          size="small"
          min={1}
          max={MAX_PATH_HOPS}
          value={maxHops}
          onChange={(value) => setMaxHops(value ?? DEFAULT_PATH_HOPS)}
          suffix={t('explorer.path.hops')}
          style={{ width: 96 }}
          aria-label={t('explorer.path.maxHops')}
        />
      </Flex>
      {error && <Alert type="error" showIcon message={error} />}
      {shown && (
        <Alert
          type={shown.response.found ? 'success' : 'warning'}
          showIcon
          data-testid="path-result"
          message={
            shown.response.found
              ? t('explorer.path.found', { count: shown.response.length ?? 0, target: target?.name ?? shown.target })
              : t('explorer.path.notFound', { hops: maxHops, target: target?.name ?? shown.target })
          }
          action={
            <Button size="small" type="text" onClick={onClear}>
              {t('explorer.path.clear')}
            </Button>
          }
        />
      )}
    </Flex>
  );
}
