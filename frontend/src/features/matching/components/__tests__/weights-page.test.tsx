import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse, stubFetch, type StubRequest } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import type { Ranking, WeightsState } from '../../api/weights';
import type { Project } from '../../types';

configure({ asyncUtilTimeout: 5_000 });

const ALICE: Record<string, unknown> = {
  id: 1,
  username: 'alice',
  display_name: '王秘书',
  role: 'secretariat',
  role_label: '联席会议秘书处',
  park: null,
  organisation: null,
  is_staff: false,
};

const BOB = { ...ALICE, id: 2, username: 'bob', display_name: '李园', role: 'park_staff', role_label: '园区工作人员', park: { id: 1, name: '江宁园' } };

const WEIGHTS: WeightsState = {
  current: {
    industry_fit: 0.25,
    chain_complementarity: 0.15,
    innovation_support: 0.15,
    capacity_fit: 0.1,
    positioning_fit: 0.1,
    network_proximity: 0.15,
    distance: 0.1,
  },
  history: [{ id: 3, set_by: 'alice', created_at: '2026-11-20T08:00:00Z', note: '提高产业契合度' }],
};

function project(id: number, title: string, status: Project['status']): Project {
  return {
    id,
    park: { id: 1, name: '江宁园' },
    title,
    industry: { id: 3, name: '集成电路芯片设计' },
    chain_segment: 'midstream',
    land_mu: '100.00',
    space_m2: '2000.00',
    positioning: 'service',
    visibility: 'alliance',
    status,
    partner_park: null,
    needed_organisations: [],
    created_at: '2026-11-26T10:00:00Z',
    updated_at: '2026-11-26T10:00:00Z',
    confidential: null,
  };
}

const PROJECTS = [project(7, '芯片设计中心', 'open'), project(8, '已签约的项目', 'signed')];

function ranking(rows: [id: number, name: string, score: string][]): Ranking {
  return {
    weights: WEIGHTS.current,
    candidate_count: rows.length,
    excluded: [],
    results: rows.map(([id, name, score], i) => ({
      park: { id, name, uid: `park:${id}` },
      rank: i + 1,
      score,
      factors: [],
      supporting: [],
    })),
  };
}

// In force: 江北 1, 浦口 2, 六合 3, 溧水 4. Edited: 六合 ↑2, 江北 ↓1, 浦口 ↓1, 高淳 new, 溧水 dropped.
const IN_FORCE = ranking([[2, '江北新区', '80.00'], [3, '浦口园', '70.00'], [4, '六合园', '60.00'], [5, '溧水园', '50.00']]);
const EDITED = ranking([[4, '六合园', '82.00'], [2, '江北新区', '78.00'], [3, '浦口园', '66.00'], [6, '高淳园', '55.00']]);

function pathOf(request: StubRequest) {
  return new URL(request.url, 'http://localhost');
}

function server(user: Record<string, unknown>, rankingAnswer?: (request: StubRequest) => Response) {
  return stubFetch((request) => {
    const url = pathOf(request);
    if (url.pathname === '/api/me') return jsonResponse(200, user);
    if (url.pathname === '/api/auth/csrf') return jsonResponse(200, { csrfToken: 'token' });
    if (url.pathname === '/api/matching/weights' && request.method === 'PUT') {
      return jsonResponse(200, { current: { ...WEIGHTS.current, ...(request.body as object) } });
    }
    if (url.pathname === '/api/matching/weights') return jsonResponse(200, WEIGHTS);
    if (url.pathname === '/api/matching/projects') {
      // The server filters by status and title, as the API does.
      const statuses = (url.searchParams.get('status') ?? '').split(',').filter(Boolean);
      const q = url.searchParams.get('q') ?? '';
      return jsonResponse(
        200,
        PROJECTS.filter((p) => (!statuses.length || statuses.includes(p.status)) && p.title.includes(q)),
      );
    }
    if (url.pathname === '/api/matching/projects/7/ranking') {
      if (rankingAnswer) return rankingAnswer(request);
      return jsonResponse(200, url.search ? EDITED : IN_FORCE);
    }
    return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
  });
}

const rankingCalls = (calls: StubRequest[]) => calls.filter((c) => pathOf(c).pathname.endsWith('/ranking'));

async function pickProject(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('combobox', { name: '选择项目' }));
  await user.click(await screen.findByTitle('芯片设计中心 · 江宁园'));
}

async function setWeight(user: ReturnType<typeof renderApp>['user'], label: string, value: string) {
  const input = within(screen.getByTestId('weights-table')).getByRole('spinbutton', { name: label });
  await user.tripleClick(input);
  await user.keyboard(value);
}

describe('the matching weights page', { timeout: 30_000 }, () => {
  it('previews a project under an edited weight and shows how each park moved', async () => {
    const { calls } = server(ALICE);
    const { user } = renderApp('/matching/weights');

    expect(await screen.findByTestId('weight-in-force-industry_fit')).toHaveTextContent('0.25');
    expect(screen.getByTestId('weight-share-industry_fit')).toHaveTextContent('25%');
    expect(screen.getByTestId('weights-history')).toHaveTextContent('提高产业契合度');

    await user.click(await screen.findByRole('combobox', { name: '选择项目' }));
    expect(screen.queryByTitle('已签约的项目 · 江宁园')).toBeNull();
    await user.click(await screen.findByTitle('芯片设计中心 · 江宁园'));

    const inForce = await screen.findByTestId('ranking-in-force');
    expect(await within(inForce).findByText('溧水园')).toBeInTheDocument();
    // Unchanged weights: one ranking call, with the weights in force.
    expect(rankingCalls(calls).map((c) => pathOf(c).search)).toEqual(['']);

    await setWeight(user, '产业契合', '0.5');
    await waitFor(() => expect(rankingCalls(calls).some((c) => pathOf(c).searchParams.get('industry_fit') === '0.5')).toBe(true));
    // Debounced: no call for the half-typed 0 or 0.
    expect(rankingCalls(calls).filter((c) => pathOf(c).search)).toHaveLength(1);
    const edited = rankingCalls(calls).find((c) => pathOf(c).search)!;
    expect(pathOf(edited).searchParams.get('distance')).toBe('0.1');
    // 0.5 out of a total of 1.25.
    expect(screen.getByTestId('weight-share-industry_fit')).toHaveTextContent('40%');

    const table = screen.getByTestId('ranking-edited');
    expect(await within(table).findByText('高淳园')).toBeInTheDocument();
    expect(within(table).getByTestId('rank-change-4')).toHaveTextContent('↑2');
    expect(within(table).getByTestId('rank-change-2')).toHaveTextContent('↓1');
    expect(within(table).getByTestId('rank-change-3')).toHaveTextContent('↓1');
    expect(within(table).getByTestId('rank-change-6')).toHaveTextContent('新进入');
    expect(within(table).getByTestId('rank-change-5')).toHaveTextContent('落选');
  });

  it('searches the projects to try on the server, among open and negotiating ones', async () => {
    const { calls } = server(ALICE);
    const { user } = renderApp('/matching/weights');

    await user.type(await screen.findByRole('combobox', { name: '选择项目' }), '芯片');
    const searched = () =>
      calls.map(pathOf).filter((u) => u.pathname === '/api/matching/projects' && u.searchParams.get('q') === '芯片');
    await waitFor(() => expect(searched()).not.toHaveLength(0));
    expect(searched()[0].searchParams.get('status')).toBe('open,negotiating');
    await user.click(await screen.findByTitle('芯片设计中心 · 江宁园'));
    expect(await within(await screen.findByTestId('ranking-in-force')).findByText('溧水园')).toBeInTheDocument();
  });

  it('saves the edited weights with a note after a confirm that warns about re-ranking', async () => {
    const { calls } = server(ALICE);
    const { user } = renderApp('/matching/weights');
    await screen.findByTestId('weight-in-force-industry_fit');
    expect(screen.getByTestId('save-weights')).toBeDisabled();

    await setWeight(user, '距离', '0.05');
    await user.type(screen.getByTestId('weights-note'), '距离权重减半');
    await user.click(screen.getByTestId('save-weights'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('保存后将按新权重重新匹配所有招商中的项目，并可能向园区发送新的强匹配通知。');
    await user.click(within(dialog).getByRole('button', { name: '保存权重' }));

    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')).toBeDefined());
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ ...WEIGHTS.current, distance: 0.05, note: '距离权重减半' });
  });

  it('shows the server’s message when a preview is refused', async () => {
    server(ALICE, (request) =>
      pathOf(request).search
        ? jsonResponse(400, { code: 'validation_failed', message: '权重不能为负数。', detail: null })
        : jsonResponse(200, IN_FORCE),
    );
    const { user } = renderApp('/matching/weights');
    await screen.findByTestId('weight-in-force-industry_fit');
    await pickProject(user);
    await setWeight(user, '产业契合', '0.3');
    expect(await screen.findByText('权重不能为负数。')).toBeInTheDocument();
  });

  it('lets park staff read the weights but not change or try them', async () => {
    const { calls } = server(BOB);
    renderApp('/matching/weights');
    expect(await screen.findByTestId('weight-in-force-distance')).toHaveTextContent('0.1');
    expect(screen.getByText('匹配权重由联席会议秘书处设定，此处仅供查看。')).toBeInTheDocument();
    expect(screen.queryByTestId('save-weights')).toBeNull();
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByTestId('weights-preview')).toBeNull();
    expect(within(screen.getByTestId('side-menu')).queryByText('匹配权重')).toBeNull();
    expect(rankingCalls(calls)).toEqual([]);
  });

  it('links the secretariat to the weights from the matching page and the side menu', async () => {
    server(ALICE);
    renderApp('/matching');
    expect(await screen.findByTestId('weights-link')).toHaveAttribute('href', '/matching/weights');
    expect(within(screen.getByTestId('side-menu')).getByRole('link', { name: '匹配权重' })).toHaveAttribute('href', '/matching/weights');
  });
});
