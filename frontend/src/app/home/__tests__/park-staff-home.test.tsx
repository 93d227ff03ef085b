import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ParkMatch, ParkMatchPage } from '@/features/matching/api/park-matches';
import { jsonResponse, stubFetch } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

const CAROL = {
  id: 3,
  username: 'carol',
  display_name: '周园',
  role: 'park_staff',
  role_label: '园区工作人员',
  park: { id: 2, name: '江北新区' },
  organisation: null,
  is_staff: false,
};

const JIANGNING = { id: 1, name: '江宁园' };
const JIANGBEI = { id: 2, name: '江北新区' };
const DAY = 24 * 60 * 60 * 1000;

function row(id: number, title: string, daysAgo: number, extra: Partial<ParkMatch> = {}): ParkMatch {
  return {
    project: { id, title, status: 'open', park: JIANGNING },
    park: JIANGBEI,
    rank: 1,
    score: '87.50',
    run_created_at: new Date(Date.now() - daysAgo * DAY).toISOString(),
    feedback: null,
    ...extra,
  };
}

const MATCHES: ParkMatchPage = {
  count: 5,
  next: null,
  previous: null,
  results: [
    row(7, '12 英寸芯片设计中心', 1),
    row(8, '已答复的项目', 2, { feedback: { response: 'interest', reason: '' } }),
    row(9, '已撤回的项目', 3, { project: { id: 9, title: '已撤回的项目', status: 'withdrawn', park: JIANGNING } }),
    row(10, '生物医药中试基地', 5, { rank: 3, score: '61.00' }),
    row(11, '一个月前的项目', 30),
  ],
};

describe('the park staff home', { timeout: 30_000 }, () => {
  it('shows the park’s new matches from the matching data, each linking to its project', async () => {
    const { calls } = stubFetch((request) => {
      const path = new URL(request.url, 'http://localhost').pathname;
      if (path === '/api/me') return jsonResponse(200, CAROL);
      if (path === '/api/matching/matches') return jsonResponse(200, MATCHES);
      if (['/api/matching/handoffs', '/api/docking/requests', '/api/alliance/actions', '/api/alliance/meetings'].includes(path)) {
        return jsonResponse(200, []);
      }
      return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
    });
    renderApp('/');

    const card = await screen.findByTestId('home-new-matches');
    expect(card).toHaveTextContent('本园区的新匹配（近 14 天）');
    const first = await within(card).findByRole('link', { name: '12 英寸芯片设计中心' });
    expect(first).toHaveAttribute('href', '/matching/projects/7');
    expect(within(card).getByRole('link', { name: '生物医药中试基地' })).toHaveAttribute(
      'href',
      '/matching/projects/10',
    );
    expect(card).toHaveTextContent('第 1 名 · 87.50 分');
    expect(card).toHaveTextContent('第 3 名 · 61.00 分');
    // Answered, withdrawn and month-old matches are not new.
    expect(card).not.toHaveTextContent('已答复的项目');
    expect(card).not.toHaveTextContent('已撤回的项目');
    expect(card).not.toHaveTextContent('一个月前的项目');

    const figure = within(card).getByTestId('home-new-matches-count');
    expect(figure).toHaveTextContent('2');
    expect(figure).toHaveAttribute('href', '/matching');

    const read = calls.find((call) => call.url.startsWith('/api/matching/matches'));
    expect(read?.url).toBe('/api/matching/matches?page_size=50');
    expect(calls.some((call) => call.url.includes('kind=match.created'))).toBe(false);
  });
});
