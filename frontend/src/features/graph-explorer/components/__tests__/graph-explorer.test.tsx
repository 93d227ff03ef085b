import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { jsonResponse, stubFetch, type StubRequest } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import type { NeighboursResponse, SearchHit } from '../../types';
import { installFakeCanvas } from './fake-canvas';

const SECRETARY = {
  id: 1,
  username: 'alice',
  display_name: '王秘书',
  role: 'secretariat',
  role_label: '联席会议秘书处',
  park: null,
  organisation: null,
  is_staff: false,
};

const PARK = {
  uid: 'park:12',
  label: 'Park',
  name: '江宁高新园',
  props: { uid: 'park:12', name: '江宁高新园', level: 'national', available_land_mu: 1250.5, alliance_member: true, city_uid: 'city:1' },
};
const NANJING = { uid: 'city:1', label: 'City', name: '南京', props: {} };
const CHIPS = { uid: 'industry:7', label: 'Industry', name: '集成电路', props: {} };
const FIRM = { uid: 'org:5', label: 'Enterprise', name: '宁芯微电子', props: { kind: 'enterprise', is_high_tech: true, park_uid: 'park:12' } };
const LAB = { uid: 'org:6', label: 'Lab', name: '紫金山实验室', props: { kind: 'lab', city_uid: 'city:1' } };
const UNI = { uid: 'org:7', label: 'University', name: '东南大学', props: { kind: 'university' } };

const AROUND_PARK: NeighboursResponse = {
  nodes: [PARK, NANJING, CHIPS, FIRM],
  edges: [
    { id: 'IN_CITY:park:12:city:1', type: 'IN_CITY', source: 'park:12', target: 'city:1', props: {} },
    { id: 'rel:2', type: 'FOCUSES_ON', source: 'park:12', target: 'industry:7', props: { weight: 0.6 } },
    { id: 'rel:3', type: 'HOSTS', source: 'park:12', target: 'org:5', props: {} },
  ],
  capped: false,
  hops: 1,
};

const AROUND_FIRM: NeighboursResponse = {
  nodes: [FIRM, PARK, LAB, UNI],
  edges: [
    { id: 'rel:3', type: 'HOSTS', source: 'park:12', target: 'org:5', props: {} },
    { id: 'rel:4', type: 'COOPERATES_WITH', source: 'org:5', target: 'org:6', props: { cooperation_kind: 'joint_lab' } },
    { id: 'rel:5', type: 'COOPERATES_WITH', source: 'org:5', target: 'org:7', props: {} },
  ],
  capped: true,
  hops: 1,
};

const HITS: SearchHit[] = [
  { uid: 'park:12', label: 'Park', id: 12, name: '江宁高新园', subtitle: '南京 · 国家级' },
  { uid: 'zone:2', label: 'Zone', id: 2, name: '江宁开发区', subtitle: '南京' },
  { uid: 'org:7', label: 'University', id: 7, name: '东南大学', subtitle: '高校 · 南京' },
];

const PARK_TO_SEU = {
  found: true,
  length: 2,
  nodes: [PARK, FIRM, UNI],
  edges: [AROUND_FIRM.edges[0], AROUND_FIRM.edges[2]],
};

function graphServer() {
  return stubFetch(({ url }: StubRequest) => {
    const { pathname, searchParams } = new URL(url, 'http://localhost');
    switch (pathname) {
      case '/api/me':
        return jsonResponse(200, SECRETARY);
      case '/api/network/cities':
        return jsonResponse(200, [
          { id: 1, uid: 'city:1', name: '南京', name_en: 'Nanjing', province: '江苏' },
          { id: 2, uid: 'city:2', name: '镇江', name_en: 'Zhenjiang', province: '江苏' },
        ]);
      case '/api/network/industries':
        return jsonResponse(200, { count: 0, next: null, previous: null, results: [] });
      case '/api/network/search':
        return jsonResponse(200, searchParams.get('q') ? HITS : []);
      case '/api/network/graph/path':
        return searchParams.get('target') === 'org:7'
          ? jsonResponse(200, PARK_TO_SEU)
          : jsonResponse(200, { found: false, length: null, nodes: [], edges: [] });
      case '/api/network/graph/neighbours': {
        const uid = searchParams.get('uid');
        if (uid === 'park:12') return jsonResponse(200, AROUND_PARK);
        if (uid === 'org:5') return jsonResponse(200, AROUND_FIRM);
        return jsonResponse(404, { code: 'not_found', message: '图中没有该实体', detail: null });
      }
      default:
        return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
    }
  });
}

function neighbourQueries(calls: StubRequest[]) {
  return calls
    .map((call) => new URL(call.url, 'http://localhost'))
    .filter((url) => url.pathname === '/api/network/graph/neighbours')
    .map((url) => Object.fromEntries(url.searchParams));
}

async function nodeCount(expected: number) {
  await waitFor(() => expect(screen.getByTestId('explorer-canvas')).toHaveAttribute('data-node-count', String(expected)));
}

// Full-app renders with antd are slow on a busy 2-core machine: wait longer than the defaults.
configure({ asyncUtilTimeout: 5_000 });

describe('the graph explorer', { timeout: 30_000 }, () => {
  beforeEach(() => installFakeCanvas());

  it('opens on the focus from the address, with its details and neighbours', async () => {
    const { calls } = graphServer();
    renderApp('/explorer?focus=park:12');

    await nodeCount(4);
    expect(neighbourQueries(calls)).toEqual([{ uid: 'park:12', hops: '1', limit: '150' }]);

    const details = screen.getByTestId('node-details');
    expect(details).toHaveAttribute('data-uid', 'park:12');
    expect(within(details).getByTestId('node-details-name')).toHaveTextContent('江宁高新园');
    expect(details).toHaveTextContent('中心节点');
    expect(details).toHaveTextContent('国家级');
    expect(details).toHaveTextContent('1,250.5');
    expect(details).toHaveTextContent('联盟成员');
    expect(within(details).getByRole('link', { name: /打开详情页/ })).toHaveAttribute('href', '/parks/12');
    // Its city is named from the graph, not shown as a uid.
    expect(details).toHaveTextContent('南京');

    const legend = screen.getByTestId('graph-legend');
    expect(within(legend).getByRole('button', { name: /园区/ })).toBeInTheDocument();
    expect(legend).toHaveTextContent('入驻');
  });

  it('expands a neighbour on request, merges what it finds and warns when the server capped it', async () => {
    const { calls, } = graphServer();
    const { user } = renderApp('/explorer?focus=park:12&city=1');
    await nodeCount(4);

    await user.click(within(screen.getByTestId('node-neighbours')).getByText('宁芯微电子'));
    const details = screen.getByTestId('node-details');
    expect(details).toHaveAttribute('data-uid', 'org:5');
    expect(details).toHaveTextContent('高新技术企业');
    expect(within(details).getByRole('link', { name: /打开详情页/ })).toHaveAttribute('href', '/organisations/5');

    await user.click(within(details).getByTestId('expand-node'));
    await nodeCount(6);
    expect(neighbourQueries(calls).at(-1)).toEqual({ uid: 'org:5', hops: '1', limit: '150', city: '1' });
    expect(screen.getByTestId('explorer-capped')).toHaveTextContent('150');
    expect(screen.getByTestId('node-details')).toHaveTextContent('合作');

    // Reset goes back to the focus alone.
    await user.click(screen.getByTestId('explorer-reset'));
    await nodeCount(4);
    expect(screen.queryByTestId('explorer-capped')).not.toBeInTheDocument();
  });

  it('finds an entity by search and puts it in focus', async () => {
    const { calls } = graphServer();
    const { user, router } = renderApp('/explorer');
    expect(await screen.findByText('从南京都市圈高新区发展联盟开始')).toBeInTheDocument();

    await user.type(screen.getByTestId('explorer-search'), '江宁');
    const option = await screen.findByText('江宁高新园', { selector: '.ant-select-item-option-content *' });
    await user.click(option);

    await waitFor(() => expect(router.state.location.search).toBe('?focus=park%3A12'));
    await nodeCount(4);
    expect(screen.getByTestId('explorer-search')).toHaveValue('江宁高新园');
    const searches = calls.filter((call) => call.url.startsWith('/api/network/search'));
    expect(new URL(searches.at(-1)!.url, 'http://localhost').searchParams.get('limit')).toBe('20');
  });

  it('reads the neighbourhood again with more hops', async () => {
    const { calls } = graphServer();
    const { user, router } = renderApp('/explorer?focus=park:12');
    await nodeCount(4);
    await user.click(within(screen.getByTestId('explorer-hops')).getByText('2 跳'));
    await waitFor(() => expect(neighbourQueries(calls).at(-1)).toEqual({ uid: 'park:12', hops: '2', limit: '150' }));
    expect(router.state.location.search).toBe('?focus=park%3A12&hops=2');
  });

  it('lists every node and selects one from the list', async () => {
    graphServer();
    const { user } = renderApp('/explorer?focus=park:12');
    await nodeCount(4);
    await user.click(screen.getByRole('tab', { name: /节点列表/ }));
    const list = screen.getByTestId('node-list');
    await user.click(within(list).getByText('集成电路'));
    expect(screen.getByTestId('node-details')).toHaveAttribute('data-uid', 'industry:7');
  });

  it('expands only the neighbours of one label when asked', async () => {
    const { calls } = graphServer();
    const { user } = renderApp('/explorer?focus=park:12');
    await nodeCount(4);
    await user.click(within(screen.getByTestId('node-neighbours')).getByText('宁芯微电子'));
    await user.click(screen.getByTestId('expand-by-label'));
    await user.click(await screen.findByText('仅展开：高校'));
    await waitFor(() =>
      expect(neighbourQueries(calls).at(-1)).toEqual({ uid: 'org:5', hops: '1', limit: '150', label: 'University' }),
    );
  });

  it('finds the shortest path to another entity and adds it to the graph', async () => {
    const { calls } = graphServer();
    const { user } = renderApp('/explorer?focus=park:12');
    await nodeCount(4);

    const finder = screen.getByTestId('path-finder');
    await user.type(within(finder).getByTestId('path-target'), '东南');
    await user.click(await screen.findByText('东南大学', { selector: '.ant-select-item-option-content *' }));

    expect(await screen.findByTestId('path-result')).toHaveTextContent('最短路径：2 跳');
    await nodeCount(5);
    const query = calls.map((call) => new URL(call.url, 'http://localhost')).find((url) => url.pathname === '/api/network/graph/path');
    expect(Object.fromEntries(query!.searchParams)).toEqual({ source: 'park:12', target: 'org:7', max_hops: '6' });
  });
});
