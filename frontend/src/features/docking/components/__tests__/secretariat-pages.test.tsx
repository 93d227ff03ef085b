import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { jsonResponse } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import { dockingServer, PARK_STAFF, posting } from './docking-server';

configure({ asyncUtilTimeout: 5_000 });

// ECharts draws on a canvas jsdom does not have; the chart itself is checked in the browser test.
vi.mock('../stats-chart', () => ({
  default: ({ bars, testId }: { bars: { name: string; value: number }[]; testId?: string }) => (
    <ul data-testid={testId}>
      {bars.map((bar) => (
        <li key={bar.name}>{`${bar.name}: ${bar.value}`}</li>
      ))}
    </ul>
  ),
}));

const SECRETARY = { ...PARK_STAFF, id: 1, username: 'alice', role: 'secretariat', role_label: '联席会议秘书处', park: null };

describe('the secretariat pages', { timeout: 30_000 }, () => {
  it('show the figures, never name an anonymous park bucket, and link the downloads', async () => {
    dockingServer(
      {
        '/api/docking/stats': () =>
          jsonResponse(200, {
            postings_total: 5,
            postings_by_kind: { tech_need: 3, space: 2 },
            postings_by_status: { published: 4, draft: 1 },
            postings_by_park: [
              { park_id: 1, park: '江宁园', bucket: 'park', count: 3 },
              { park_id: null, park: null, bucket: 'anonymous', count: 2 },
            ],
            requests_total: 4,
            requests_answered: 3,
            requests_accepted: 2,
            acceptance_rate: 0.5,
            median_hours_to_first_answer: 6.25,
            agreements: 1,
            projects_created: 1,
          }),
      },
      SECRETARY,
    );
    renderApp('/docking/stats');
    expect(await screen.findByText('50.0%')).toBeInTheDocument();
    expect(screen.getByText('首次答复中位时长（小时）').closest('.ant-statistic')).toHaveTextContent('6.3');
    const parks = await screen.findByTestId('chart-parks');
    expect(parks).toHaveTextContent('江宁园: 3');
    expect(parks).toHaveTextContent('匿名发布方: 2');
    expect(await screen.findByTestId('chart-kinds')).toHaveTextContent('技术需求: 3');
    expect(screen.getByTestId('download-xlsx')).toHaveAttribute('href', '/api/docking/stats.xlsx');
  });

  it('switch moderation and approve a posting from the review queue', async () => {
    const { calls } = dockingServer(
      {
        '/api/docking/postings/review-queue': () =>
          jsonResponse(200, { count: 1, next: null, previous: null, results: [posting({ id: 9, status: 'pending', title: '待审核的信息' })] }),
        'PUT /api/docking/settings': () => jsonResponse(200, { moderation_required: true }),
        'POST /api/docking/postings/9/review': () => jsonResponse(200, posting({ id: 9 })),
      },
      SECRETARY,
    );
    const { user } = renderApp('/docking/review');
    const queue = await screen.findByTestId('review-queue');
    expect(await within(queue).findByText('待审核的信息')).toBeInTheDocument();

    await user.click(screen.getByTestId('moderation-switch'));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ moderation_required: true }));

    await user.click(within(queue).getByTestId('approve-posting'));
    await user.click(await screen.findByRole('button', { name: '确 定' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url.endsWith('/postings/9/review'))?.body).toEqual({ decision: 'approve', reason: '' }),
    );
  });

  it('are not offered to park staff', async () => {
    dockingServer({ '/api/docking/postings': () => jsonResponse(200, { count: 0, next: null, previous: null, results: [] }) });
    renderApp('/docking/stats');
    expect(await screen.findByText('页面不存在')).toBeInTheDocument();
    expect(within(screen.getByTestId('docking-nav')).queryByText('统计')).toBeNull();
  });
});
