import { jsonResponse, stubFetch, type StubRequest } from '@/testing/fetch-stub';

import type { City, Industry, Organisation, Paginated, ParkDetail, ParkEcosystem, Relation } from '../../types';

export const SECRETARY = {
  id: 1,
  username: 'alice',
  display_name: '王秘书',
  role: 'secretariat',
  role_label: '联席会议秘书处',
  park: null,
  organisation: null,
  is_staff: false,
};

export const CITIES: City[] = [
  { id: 1, uid: 'city:1', name: '南京', name_en: 'Nanjing', province: '江苏' },
  { id: 2, uid: 'city:2', name: '镇江', name_en: 'Zhenjiang', province: '江苏' },
];

export const INDUSTRIES: Industry[] = [
  { id: 7, uid: 'industry:7', name: '集成电路', name_en: 'Integrated circuits', code: 'ic', parent: null, is_future_industry: false },
];

export const JIANGNING: ParkDetail = {
  id: 12,
  uid: 'park:12',
  name: '江宁高新园',
  short_name: '江宁园',
  name_en: 'Jiangning Hi-tech Park',
  city: { id: 1, name: '南京' },
  zone: { id: 2, name: '南京高新区' },
  level: 'national',
  level_label: '国家级',
  kind: 'manufacturing',
  kind_label: '郊区园区（高技术制造业为主）',
  alliance_member: true,
  available_land_mu: '1250.50',
  available_space_m2: '380000.00',
  latitude: 31.95,
  longitude: 118.85,
  industries: [
    { id: 7, name: '集成电路', weight: 0.6 },
    { id: 8, name: '生物医药', weight: 0.4 },
  ],
  hosted_count: 1,
  is_synthetic: false,
  source_note: '政策文件第十五条',
  can_edit: true,
  description: '一区多园中的制造业园区。',
};

export const CHIPCO: Organisation = {
  id: 5,
  uid: 'org:5',
  name: '宁芯微电子',
  name_en: 'Ningxin Micro',
  kind: 'enterprise',
  kind_label: '企业',
  subkind: '',
  subkind_label: '',
  city: { id: 1, name: '南京' },
  park: { id: 12, name: '江宁高新园' },
  founded_year: 2016,
  employees: 320,
  is_high_tech: true,
  is_tech_sme: false,
  is_specialised: true,
  is_gazelle: false,
  is_unicorn: false,
  is_nezha: false,
  is_listed: false,
  industries: [{ id: 7, name: '集成电路' }],
  is_synthetic: true,
  source_note: 'seed 42',
  can_edit: false,
};

export const ECOSYSTEM: ParkEcosystem = {
  park: { uid: 'park:12', label: 'Park', name: '江宁高新园', props: {} },
  nodes: [],
  edges: [],
  summary: { hosted: { enterprise: 1, lab: 2 }, cooperating: 3, partner_parks: 1, enclaves: 0 },
  capped: false,
};

export const COOPERATION: Relation = {
  id: 9,
  uid: 'rel:9',
  kind: 'COOPERATES_WITH',
  kind_label: '合作',
  source: { uid: 'org:5', name: '宁芯微电子' },
  target: { uid: 'org:7', name: '东南大学' },
  cooperation_kind: 'joint_research',
  name: '',
  started_on: '2021-03-01',
  ended_on: null,
  agreement_signed_on: null,
  note: '',
  source_note: '',
  is_synthetic: false,
};

function page<T>(results: T[]): Paginated<T> {
  return { count: results.length, next: null, previous: null, results };
}

/** A signed-in secretary and the network endpoints; every request is recorded. */
export function networkServer(overrides: Partial<Record<string, (request: StubRequest) => Response>> = {}) {
  return stubFetch((request) => {
    const url = new URL(request.url, 'http://localhost');
    const override = overrides[url.pathname];
    if (override) return override(request);
    switch (url.pathname) {
      case '/api/me':
        return jsonResponse(200, SECRETARY);
      case '/api/health':
        return jsonResponse(200, { status: 'ok', checked_at: '2026-01-01T00:00:00Z', parts: [] });
      case '/api/network/cities':
        return jsonResponse(200, CITIES);
      case '/api/network/industries':
        return jsonResponse(200, page(INDUSTRIES));
      case '/api/network/parks':
        return jsonResponse(200, page([JIANGNING]));
      case '/api/network/parks/12':
        return jsonResponse(200, JIANGNING);
      case '/api/network/parks/12/ecosystem':
        return jsonResponse(200, ECOSYSTEM);
      case '/api/network/organisations':
        return jsonResponse(200, page([CHIPCO]));
      case '/api/network/organisations/5':
        return jsonResponse(200, CHIPCO);
      case '/api/network/relations':
        return jsonResponse(200, page(url.searchParams.get('uid') === 'org:5' ? [COOPERATION] : []));
      default:
        return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
    }
  });
}

/** The query of every request made to `path`, in order. */
export function queriesTo(calls: StubRequest[], path: string): URLSearchParams[] {
  return calls
    .map((call) => new URL(call.url, 'http://localhost'))
    .filter((url) => url.pathname === path)
    .map((url) => url.searchParams);
}
