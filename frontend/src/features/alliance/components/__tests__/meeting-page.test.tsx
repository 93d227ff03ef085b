import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse, stubFetch, type StubRequest } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import type { Agenda, AgendaItem, Meeting } from '../../types';

configure({ asyncUtilTimeout: 5_000 });

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

const MEETING: Meeting = {
  id: 7,
  title: '2027年第一次联席会议',
  kind: 'regular',
  status: 'in_progress',
  starts_at: '2027-03-01T01:00:00Z',
  ends_at: null,
  place: '南京高新区管委会',
  online_link: '',
  host_park: null,
  quorum_numerator: 2,
  quorum_denominator: 3,
  current_item_id: 11,
  agenda_version: 4,
  updated_at: '2027-03-01T01:00:00Z',
  quorum: { present: 2, members: 3, met: true },
};

function item(id: number, title: string): AgendaItem {
  return {
    id,
    meeting_id: 7,
    park: { id: 12, name: '江宁园' },
    kind: 'major_problem',
    title,
    text: '',
    attachments: [],
    files: [],
    linked_uids: [],
    requested_minutes: 20,
    status: 'accepted',
    reason: '',
    merged_into_id: null,
    deferred_from_id: null,
    parent_id: null,
    position: 0,
    presenter: '',
    created_at: '2027-02-01T00:00:00Z',
    updated_at: '2027-02-01T00:00:00Z',
  };
}

const AGENDA: Agenda = {
  meeting: MEETING,
  version: 4,
  current_item_id: 11,
  entries: [
    { number: '1', starts_at: '2027-03-01T01:00:00Z', ends_at: '2027-03-01T01:20:00Z', item: item(11, '经济指标分算'), decisions: [] },
    { number: '2', starts_at: '2027-03-01T01:20:00Z', ends_at: '2027-03-01T01:40:00Z', item: item(12, '飞地园区共建'), decisions: [] },
  ],
};

function allianceServer(onOrder: (request: StubRequest) => Response) {
  return stubFetch((request) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    switch (path) {
      case '/api/me':
        return jsonResponse(200, SECRETARY);
      case '/api/auth/csrf':
        return jsonResponse(200, { csrfToken: 'token' });
      case '/api/alliance/meetings/7':
        return jsonResponse(200, MEETING);
      case '/api/alliance/meetings/7/agenda':
        return jsonResponse(200, AGENDA);
      case '/api/alliance/meetings/7/items':
      case '/api/alliance/meetings/7/attendance':
      case '/api/alliance/meetings':
        return jsonResponse(200, []);
      case '/api/alliance/meetings/7/agenda/order':
        return onOrder(request);
      default:
        return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
    }
  });
}

describe('the secretariat workspace of a live meeting', { timeout: 30_000 }, () => {
  it('shows the current item and saves a new order naming the version it started from', async () => {
    const { calls } = allianceServer(() => jsonResponse(200, { version: 5, order: [] }));
    const { user } = renderApp('/alliance/meetings/7');

    expect(await screen.findByTestId('current-item-title')).toHaveTextContent('1. 经济指标分算');
    const first = screen.getByTestId('agenda-entry-11');
    await user.click(within(first).getByRole('button', { name: '下移' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      version: 4,
      order: [
        { id: 12, parent_id: null },
        { id: 11, parent_id: null },
      ],
    });
  });

  it('says that someone else reordered first when the server answers 409', async () => {
    allianceServer(() =>
      jsonResponse(409, {
        code: 'conflict',
        message: '议程顺序已被他人修改',
        detail: { version: 5, order: [] },
      }),
    );
    const { user } = renderApp('/alliance/meetings/7');
    const first = await screen.findByTestId('agenda-entry-11');
    await user.click(within(first).getByRole('button', { name: '下移' }));
    expect(await screen.findByText('议程顺序已被他人修改，已显示最新顺序，请重新调整。')).toBeInTheDocument();
  });
});
