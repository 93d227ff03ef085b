import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useExplorerGraph, type PathResult } from '../hooks/use-explorer-graph';
import { useExplorerParams } from '../hooks/use-explorer-params';
import type { SearchHit } from '../types';
import { filteredOut as computeFilteredOut } from '../utils/graph-model';
import { buildStylesheet } from '../utils/graph-style';
import { translateOr } from '../utils/translate';
import { ExplorerSearch } from './explorer-search';
import { ExplorerToolbar } from './explorer-toolbar';
import { GraphCanvas, type GraphCanvasHandle, type LayoutName } from './graph-canvas';
import { GraphLegend } from './graph-legend';
import { NodeDetails } from './node-details';
import { NodeList } from './node-list';
import { PathFinder } from './path-finder';

const CANVAS_HEIGHT = 620;
// The alliance node always exists: a sensible first view for a visitor with no focus yet.
const ALLIANCE_UID = 'alliance:nanjing-metro';

/**
 * 图谱探索: search an entity, see its neighbourhood, grow it node by node. The focus, hops,
 * node limit and filters live in the URL (`/explorer?focus=park:12`), so views can be linked.
 */
export function GraphExplorer() {
  const { t } = useTranslation();
  const { params, update } = useExplorerParams();
  const { graph, loading, error, load, expand, findPath, remove, clear } = useExplorerGraph();
  // Like the selection, a found path belongs to the focus it was found under.
  const [pathState, setPathState] = useState<{ focus: string | null; result: PathResult | null; error: string | null }>(
    { focus: null, result: null, error: null },
  );
  const path = pathState.focus === params.focus ? pathState.result : null;
  const pathError = pathState.focus === params.focus ? pathState.error : null;
  // The selection belongs to one focus: a new focus starts with the focus itself selected.
  const [picked, setPicked] = useState<{ focus: string | null; uid: string | null }>({ focus: null, uid: null });
  const selected = picked.focus === params.focus ? picked.uid : params.focus;
  const focusRef = params.focus;
  const setSelected = useCallback((uid: string | null) => setPicked({ focus: focusRef, uid }), [focusRef]);
  const [layout, setLayout] = useState<LayoutName>('concentric');
  const [showEdgeLabels, setShowEdgeLabels] = useState(true);
  const [filterMode, setFilterMode] = useState<'fade' | 'hide'>('fade');
  const [hiddenLabels, setHiddenLabels] = useState<ReadonlySet<string>>(new Set());
  const [tab, setTab] = useState('details');
  const canvas = useRef<GraphCanvasHandle>(null);

  const fetchOptions = { limit: params.limit, city: params.city, industry: params.industry };

  const reloadFocus = () => {
    if (params.focus) void load(params.focus, params.hops, fetchOptions);
    else clear();
  };
  const loadFocus = useEffectEvent(reloadFocus);
  // A new focus, radius or limit redraws from the focus; filters only apply from now on.
  useEffect(() => loadFocus(), [params.focus, params.hops, params.limit]);

  const stylesheet = useMemo(
    () => buildStylesheet({ edgeTypeName: (type) => translateOr(t, `explorer.edgeTypes.${type}`, type), showEdgeLabels }),
    [t, showEdgeLabels],
  );
  const filteredOut = useMemo(
    () => computeFilteredOut(graph, { city: params.city, industry: params.industry }, params.focus),
    [graph, params.city, params.industry, params.focus],
  );

  const onExpand = useCallback(
    (uid: string, label?: string) => {
      setSelected(uid);
      void expand(uid, { limit: params.limit, city: params.city, industry: params.industry, label });
    },
    [expand, setSelected, params.limit, params.city, params.industry],
  );
  const onSelect = useCallback(
    (uid: string | null) => {
      setSelected(uid);
      if (uid) setTab('details');
    },
    [setSelected],
  );
  const selectAndCentre = useCallback(
    (uid: string) => {
      setSelected(uid);
      setTab('details');
      canvas.current?.center(uid);
    },
    [setSelected],
  );
  const onFindPath = (source: string, target: SearchHit, maxHops: number) => {
    const focus = params.focus;
    setPathState({ focus, result: null, error: null });
    findPath(source, target.uid, maxHops).then(
      (result) => setPathState({ focus, result, error: null }),
      (caught: unknown) =>
        setPathState({ focus, result: null, error: caught instanceof Error ? caught.message : String(caught) }),
    );
  };
  const highlight = useMemo(
    () =>
      path?.response.found
        ? {
            nodes: new Set(path.response.nodes.map((node) => node.uid)),
            edges: new Set(path.response.edges.map((edge) => edge.id)),
          }
        : null,
    [path],
  );
  const onPick = (hit: SearchHit) => {
    if (hit.uid === params.focus) reloadFocus();
    else update({ focus: hit.uid });
  };
  const onReset = () => {
    setHiddenLabels(new Set());
    setPathState({ focus: params.focus, result: null, error: null });
    setSelected(params.focus);
    reloadFocus();
  };
  const toggleLabel = (label: string) =>
    setHiddenLabels((current) => {
      const next = new Set(current);
      if (next.has(label)) next.delete(label);
      else next.add(label);
      return next;
    });

  const busy = loading.size > 0;
  const empty = graph.nodes.size === 0;

  return (
    <Flex vertical gap={12} data-testid="graph-explorer">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('explorer.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('explorer.subtitle')}</Typography.Text>
        </div>
        <ExplorerSearch onPick={onPick} />
      </Flex>

      <Card size="small">
        <ExplorerToolbar
          params={params}
          onParams={update}
          filterMode={filterMode}
          onFilterMode={setFilterMode}
          layout={layout}
          onLayout={setLayout}
          showEdgeLabels={showEdgeLabels}
          onShowEdgeLabels={setShowEdgeLabels}
          onRelayout={() => canvas.current?.relayout()}
          onFit={() => canvas.current?.fit()}
          onReset={onReset}
          hasGraph={!empty}
        />
      </Card>

      {graph.capped && (
        <Alert
          type="warning"
          showIcon
          data-testid="explorer-capped"
          message={t('explorer.capped.title', { limit: params.limit })}
          description={t('explorer.capped.description')}
        />
      )}
      {error && (
        <Alert type="error" showIcon closable message={t('explorer.loadFailed')} description={error.message} data-testid="explorer-error" />
      )}

      <Row gutter={12}>
        <Col xs={24} lg={16} xl={17}>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <div
              data-testid="explorer-canvas"
              data-node-count={graph.nodes.size}
              data-edge-count={graph.edges.size}
              data-loading={busy ? 'true' : 'false'}
              data-focus={params.focus ?? ''}
              style={{ position: 'relative', height: CANVAS_HEIGHT, background: '#fbfcfd', borderRadius: 8, overflow: 'hidden' }}
            >
              <GraphCanvas
                ref={canvas}
                graph={graph}
                stylesheet={stylesheet}
                layout={layout}
                focus={params.focus}
                selected={selected}
                filteredOut={filteredOut}
                filterMode={filterMode}
                hiddenLabels={hiddenLabels}
                highlight={highlight}
                onSelect={onSelect}
                onExpand={onExpand}
              />
              {empty && !busy && (
                <Flex vertical align="center" justify="center" style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
                  <Empty
                    image={<ApartmentOutlined style={{ fontSize: 56, color: '#bfbfbf' }} />}
                    description={params.focus ? t('explorer.empty.nothing') : t('explorer.empty.start')}
                  >
                    {!params.focus && (
                      <Button style={{ pointerEvents: 'auto' }} onClick={() => update({ focus: ALLIANCE_UID })}>
                        {t('explorer.empty.alliance')}
                      </Button>
                    )}
                  </Empty>
                </Flex>
              )}
              {busy && (
                <div style={{ position: 'absolute', top: 12, right: 12 }}>
                  <Spin size="small" tip={t('explorer.loading')}>
                    <span style={{ display: 'inline-block', width: 80, height: 24 }} />
                  </Spin>
                </div>
              )}
            </div>
            <Flex vertical gap={8} style={{ padding: '8px 12px', borderTop: '1px solid #f0f0f0' }}>
              <GraphLegend graph={graph} hiddenLabels={hiddenLabels} onToggleLabel={toggleLabel} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('explorer.hint')}
              </Typography.Text>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={8} xl={7}>
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              size="small"
              items={[
                {
                  key: 'details',
                  label: t('explorer.tabs.details'),
                  children: (
                    <Flex vertical gap={16}>
                      <NodeDetails
                        graph={graph}
                        uid={selected}
                        focus={params.focus}
                        expanding={selected != null && loading.has(selected)}
                        onExpand={onExpand}
                        onFocus={(uid) => update({ focus: uid })}
                        onRemove={(uid) => {
                          remove(uid);
                          setSelected(null);
                        }}
                        onSelect={selectAndCentre}
                      />
                      {selected && graph.nodes.has(selected) && (
                        <PathFinder
                          source={selected}
                          sourceName={graph.nodes.get(selected)?.name ?? selected}
                          result={path}
                          error={pathError}
                          onFind={(target, maxHops) => onFindPath(selected, target, maxHops)}
                          onClear={() => setPathState({ focus: params.focus, result: null, error: null })}
                        />
                      )}
                    </Flex>
                  ),
                },
                {
                  key: 'nodes',
                  label: t('explorer.tabs.nodes', { count: graph.nodes.size }),
                  children: <NodeList graph={graph} selected={selected} filteredOut={filteredOut} onSelect={selectAndCentre} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
