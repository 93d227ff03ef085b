import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';
import { jsonResponse, stubFetch, type StubRequest } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import { uploadItemFile } from '../../api/files';
import type { Agenda, AgendaItem, Attendance, Meeting, Minutes } from '../../types';

configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

function me(role: 'secretariat' | 'park_staff') {
  return {
    id: role === 'secretariat' ? 1 : 2,
    username: role === 'secretariat' ? 'alice' : 'bob',
    display_name: role === 'secretariat' ? '王秘书' : '李园',
    role,
    role_label: role,
    park: role === 'park_staff' ? { id: 12, name: '江宁园' } : null,
    organisation: null,
    is_staff: false,
  };
}

function meeting(status: Meeting['status']): Meeting {
  return {
    id: 7,
    title: '2027年第一次联席会议',
    kind: 'regular',
    status,
    starts_at: '2027-03-01T01:00:00Z',
    ends_at: null,
    place: '南京高新区管委会',
    online_link: '',
    host_park: null,
    quorum_numerator: 2,
    quorum_denominator: 3,
    current_item_id: null,
    agenda_version: 2,
    updated_at: '2027-03-01T01:00:00Z',
    quorum: { present: 0, members: 3, met: false },
  };
}

const ITEM: AgendaItem = {
  id: 11,
  meeting_id: 7,
  park: { id: 12, name: '江宁园' },
  kind: 'major_problem',
  title: '经济指标分算',
  text: '',
  attachments: [{ name: '政策原文', url: 'https://www.nanjing.gov.cn/p.html' }],
  files: [{ id: 3, name: '测算表.xlsx', size: 20480, content_type: 'application/vnd.ms-excel', url: '/api/alliance/items/11/files/3', created_at: '2027-02-01T00:00:00Z' }],
  linked_uids: ['park:13'],
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

const ATTENDANCE: Attendance[] = [
  { park: { id: 12, name: '江宁园' }, rsvp: 'pending', delegates: '', present: false },
  { park: { id: 13, name: '江北新区' }, rsvp: 'accepted', delegates: '赵园', present: false },
];

const DRAFT: Minutes = { id: 5, meeting_id: 7, version: 1, body: '一、会议议题', status: 'draft', published_at: null, reviews: [] };

function server(
  role: 'secretariat' | 'park_staff',
  status: Meeting['status'],
  writes: (request: StubRequest) => Response = () => jsonResponse(200, {}),
  suggestions: unknown[] = [],
) {
  const m = meeting(status);
  const agenda: Agenda = { meeting: m, version: 2, current_item_id: null, entries: [{ number: '1', starts_at: m.starts_at, ends_at: m.starts_at, item: ITEM, decisions: [] }] };
  return stubFetch((request) => {
    if (request.method !== 'GET' && request.url !== '/api/auth/csrf') {
      return writes(request);
    }
    const path = new URL(request.url, 'http://localhost').pathname;
    switch (path) {
      case '/api/me':
        return jsonResponse(200, me(role));
      case '/api/auth/csrf':
        return jsonResponse(200, { csrfToken: 'token' });
      case '/api/alliance/meetings/7':
        return jsonResponse(200, m);
      case '/api/alliance/meetings/7/agenda':
        return jsonResponse(200, agenda);
      case '/api/alliance/meetings/7/items':
        return jsonResponse(200, [ITEM]);
      case '/api/alliance/meetings/7/attendance':
        return jsonResponse(200, ATTENDANCE);
      case '/api/alliance/meetings/7/minutes':
        return jsonResponse(200, [DRAFT]);
      case '/api/alliance/meetings/7/suggestions':
        return jsonResponse(200, suggestions);
      case '/api/alliance/meetings':
        return jsonResponse(200, []);
      default:
        return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
    }
  });
}

const writesTo = (calls: StubRequest[], path: string) => calls.filter((c) => c.method !== 'GET' && c.url.endsWith(path));

describe('a member park at an announced meeting', { timeout: 30_000 }, () => {
  it('replies and names its delegates for its own park only', async () => {
    const { calls } = server('park_staff', 'announced');
    const { user } = renderApp('/alliance/meetings/7');
    await user.click(await screen.findByRole('tab', { name: '出席' }));

    await user.click(await screen.findByRole('combobox', { name: '江宁园的回复' }));
    const options = await screen.findAllByTitle('出席');
    await user.click(options[options.length - 1]);
    await waitFor(() => expect(writesTo(calls, '/attendance/12')).toHaveLength(1));
    expect(writesTo(calls, '/attendance/12')[0]).toMatchObject({ method: 'PATCH', body: { rsvp: 'accepted' } });

    await user.type(screen.getByRole('textbox', { name: '江宁园的参会代表' }), '李园、周主任');
    await user.click(screen.getByTestId('save-delegates-12'));
    await waitFor(() => expect(writesTo(calls, '/attendance/12')).toHaveLength(2));
    expect(writesTo(calls, '/attendance/12')[1].body).toEqual({ delegates: '李园、周主任' });

    // Another park's row is read only, and presence is the secretariat's to record.
    expect(screen.queryByRole('combobox', { name: '江北新区的回复' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: '江北新区的参会代表' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: '江宁园已出席' })).toBeDisabled();
  });

  it('sees the attachments and linked entities of an agenda item, with no presenter field', async () => {
    server('park_staff', 'announced');
    renderApp('/alliance/meetings/7');
    const attachments = await screen.findByTestId('attachments-11');
    expect(within(attachments).getByRole('link', { name: /测算表\.xlsx/ })).toHaveAttribute('href', '/api/alliance/items/11/files/3');
    expect(within(attachments).getByRole('link', { name: /政策原文/ })).toHaveAttribute('href', 'https://www.nanjing.gov.cn/p.html');
    expect(within(attachments).getByText('park:13')).toBeInTheDocument();
    expect(screen.queryByTestId('presenter-11')).toBeNull();
  });
});

describe('the secretariat preparing and minuting a meeting', { timeout: 30_000 }, () => {
  it('assigns a presenter on an agenda item', async () => {
    const { calls } = server('secretariat', 'announced');
    const { user } = renderApp('/alliance/meetings/7');
    const presenter = await screen.findByRole('textbox', { name: '「经济指标分算」的汇报人' });
    await user.type(presenter, '江宁园 周主任{Enter}');
    await waitFor(() => expect(writesTo(calls, '/items/11')).toHaveLength(1));
    expect(writesTo(calls, '/items/11')[0]).toMatchObject({ method: 'PATCH', body: { presenter: '江宁园 周主任' } });
  });

  it('edits a draft of the minutes and publishes it after confirming', async () => {
    const { calls } = server('secretariat', 'closed');
    const { user } = renderApp('/alliance/meetings/7');
    await user.click(await screen.findByRole('tab', { name: '会议纪要' }));
    await user.click(await screen.findByRole('button', { name: /编\s*辑/ }));
    const editor = screen.getByRole('textbox', { name: '纪要正文' });
    fireEvent.change(editor, { target: { value: '一、会议议题（已修改）' } });
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(writesTo(calls, '/minutes/5')).toHaveLength(1));
    expect(writesTo(calls, '/minutes/5')[0]).toMatchObject({ method: 'PATCH', body: { body: '一、会议议题（已修改）' } });

    await user.click(screen.getByRole('button', { name: '发布并锁定' }));
    await user.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(writesTo(calls, '/minutes/5/publish')).toHaveLength(1));
  });
});

describe('meeting preparation from the data', { timeout: 30_000 }, () => {
  it('turns a stalled joint-investment project into an item linked to the project and its park', async () => {
    const stalled = { source: 'stalled_project', title: '芯片封测基地', detail: '江宁园 · 洽谈中', ref: 9, park_id: 12, days: 90 };
    const { calls } = server('secretariat', 'draft', () => jsonResponse(201, ITEM), [stalled]);
    const { user } = renderApp('/alliance/meetings/7');
    await user.click(await screen.findByRole('tab', { name: '议题审核' }));
    const card = await screen.findByTestId('suggestions');
    expect(within(card).getByText('搁置的招商项目')).toBeInTheDocument();
    expect(within(card).getByText(/90 天无进展/)).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: '列为议题' }));
    await waitFor(() => expect(writesTo(calls, '/meetings/7/items')).toHaveLength(1));
    expect(writesTo(calls, '/meetings/7/items')[0].body).toEqual({
      kind: 'project_docking',
      title: '芯片封测基地（推进受阻）',
      text: '江宁园 · 洽谈中',
      linked_uids: ['project:9', 'park:12'],
    });
  });
});

describe('uploading an attachment', () => {
  it('sends the file as multipart with the CSRF token and surfaces the server’s reason', async () => {
    const { calls } = stubFetch((request) =>
      request.url === '/api/auth/csrf'
        ? jsonResponse(200, { csrfToken: 'token' })
        : jsonResponse(400, { code: 'validation_error', message: '不支持的文件类型', detail: { field: 'file' } }),
    );
    const file = new File(['MZ'], '程序.pdf', { type: 'application/pdf' });
    const failure = await uploadItemFile(11, file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toBe('不支持的文件类型');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/api/alliance/items/11/files');
    expect(post?.headers.get('X-CSRFToken')).toBe('token');
    expect(post?.headers.get('Content-Type')).toBeNull();
    expect((post?.body as FormData).get('file')).toBeInstanceOf(File);
  });
});
