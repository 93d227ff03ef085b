import { jsonResponse, stubFetch, type StubRequest } from '@/testing/fetch-stub';

import type { DockingRequest, Message, Posting, Thread, Vocabulary } from '../../types';

export const PARK_STAFF = {
  id: 2,
  username: 'carol',
  display_name: '赵招商',
  role: 'park_staff',
  role_label: '园区工作人员',
  park: { id: 2, name: '江北新区' },
  organisation: null,
  is_staff: false,
};

export const RESEARCHER = { ...PARK_STAFF, id: 5, username: 'rita', role: 'researcher', role_label: '研究人员', park: null };

export const VOCABULARY: Vocabulary = {
  kinds: [
    { value: 'tech_need', label: '技术需求' },
    { value: 'achievement', label: '科技成果' },
    { value: 'space', label: '载体空间' },
  ],
  visibilities: [
    { value: 'public', label: '公开' },
    { value: 'alliance', label: '仅联盟成员' },
    { value: 'anonymous', label: '匿名发布' },
  ],
  posting_statuses: [
    { value: 'draft', label: '草稿' },
    { value: 'published', label: '已发布' },
  ],
  request_statuses: [
    { value: 'requested', label: '已申请' },
    { value: 'accepted', label: '已接受' },
    { value: 'declined', label: '已婉拒' },
    { value: 'in_talks', label: '洽谈中' },
    { value: 'agreed', label: '已达成' },
    { value: 'closed', label: '已关闭' },
  ],
  max_renewal_days: 365,
  attachment_types: ['pdf'],
  attachment_max_bytes: 10 * 1024 * 1024,
};

export function posting(overrides: Partial<Posting> = {}): Posting {
  return {
    id: 7,
    kind: 'tech_need',
    kind_label: '技术需求',
    title: '车规级AI芯片低功耗验证',
    description: '需要功能安全测试能力。',
    industries: [{ id: 3, name: '集成电路芯片设计' }],
    region: { id: 1, name: '南京' },
    visibility: 'public',
    anonymous: false,
    owner: { type: 'park', id: 1, name: '江宁园' },
    status: 'published',
    review_note: '',
    expires_at: '2099-01-01T00:00:00Z',
    is_expired: false,
    published_at: '2026-01-01T00:00:00Z',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    viewer: { is_owner: false, can_request: true },
    ...overrides,
  };
}

export function dockingRequest(overrides: Partial<DockingRequest> = {}): DockingRequest {
  return {
    id: 11,
    posting: { id: 7, title: '车规级AI芯片低功耗验证', kind: 'tech_need', status: 'published', anonymous: false, owner: { type: 'park', id: 1, name: '江宁园' } },
    requester: { type: 'park', id: 2, name: '江北新区' },
    message: '希望对接。',
    proposed_times: [],
    status: 'requested',
    decline_reason: '',
    answered_at: null,
    accepted_at: null,
    agreed_at: null,
    project_id: null,
    thread_id: 21,
    viewer_side: 'owner',
    created_at: '2026-01-02T00:00:00Z',
    ...overrides,
  };
}

export const THREAD: Thread = {
  id: 21,
  subject: '车规级AI芯片低功耗验证',
  request_id: 11,
  project_id: null,
  side_a: null,
  side_b: { type: 'park', id: 2, name: '江北新区' },
  viewer_side: 'b',
  room: { room: 'thread', id: 21 },
  last_message_at: null,
  created_at: '2026-01-02T00:00:00Z',
};

export function message(id: number, body: string, mine = false): Message {
  return { id, side: mine ? 'b' : 'a', sender: mine ? '赵招商' : '匿名发布方', mine, body, attachment: null, created_at: '2026-01-02T00:00:00Z' };
}

/** A fake server: common endpoints answered, the rest by `routes` (path -> handler). */
export function dockingServer(
  routes: Record<string, (request: StubRequest, url: URL) => Response>,
  user: object = PARK_STAFF,
) {
  return stubFetch((request) => {
    const url = new URL(request.url, 'http://localhost');
    const handler = routes[`${request.method} ${url.pathname}`] ?? routes[url.pathname];
    if (handler) {
      return handler(request, url);
    }
    switch (url.pathname) {
      case '/api/me':
        return jsonResponse(200, user);
      case '/api/auth/csrf':
        return jsonResponse(200, { csrfToken: 'token' });
      case '/api/docking/vocabulary':
        return jsonResponse(200, VOCABULARY);
      case '/api/docking/settings':
        return jsonResponse(200, { moderation_required: false });
      case '/api/network/cities':
        return jsonResponse(200, []);
      case '/api/network/industries':
      case '/api/network/parks':
      case '/api/network/organisations':
        return jsonResponse(200, { count: 0, next: null, previous: null, results: [] });
      default:
        return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
    }
  });
}
