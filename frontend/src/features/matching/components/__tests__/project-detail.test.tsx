import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { jsonResponse, stubFetch } from '@/testing/fetch-stub';
import { renderApp } from '@/testing/render-app';

import type { Matches, Project } from '../../types';

configure({ asyncUtilTimeout: 5_000 });

const OWNER = {
  id: 2,
  username: 'bob',
  display_name: '李园',
  role: 'park_staff',
  role_label: '园区工作人员',
  park: { id: 1, name: '江宁园' },
  organisation: null,
  is_staff: false,
};

const PROJECT: Project = {
  id: 7,
  park: { id: 1, name: '江宁园' },
  title: '12 英寸芯片设计中心',
  industry: { id: 3, name: '集成电路芯片设计' },
  chain_segment: 'midstream',
  land_mu: '100.00',
  space_m2: '2000.00',
  positioning: 'service',
  visibility: 'alliance',
  status: 'open',
  partner_park: null,
  needed_organisations: [],
  created_at: '2026-11-26T10:00:00Z',
  updated_at: '2026-11-26T10:00:00Z',
  confidential: {
    description: '',
    investment_wan: '50000.00',
    annual_output_wan: '0',
    annual_tax_wan: '0',
    visible_to: [],
  },
};

const MATCHES: Matches = {
  run: {
    id: 1,
    created_at: '2026-11-26T10:00:00Z',
    trigger: 'manual',
    weights: {},
    candidate_count: 1,
    excluded: [
      {
        park_uid: 'park:3',
        park_name: '滁州园',
        reason_code: 'not_enough_land',
        reason_zh: '可用土地 40 亩，不足项目所需 100 亩。',
        reason_en: '40 mu of land available, the project needs 100 mu.',
      },
    ],
  },
  results: [
    {
      park: { id: 2, name: '江北新区', uid: 'park:2' },
      rank: 1,
      score: '87.50',
      supporting: [],
      feedback: { owner: null, candidate: { response: 'interest', reason: '' } },
      factors: [
        {
          name: 'industry_fit',
          value: 0.9,
          weight: 0.25,
          paths: [['park:2', 'FOCUSES_ON', 'industry:3']],
          sentence_zh: '园区主导产业覆盖项目所在本行业。',
          sentence_en: "The park focuses on the project's industry (same in the taxonomy).",
        },
      ],
    },
  ],
};

describe('a joint-investment project page', { timeout: 30_000 }, () => {
  it('shows ranked matches, the other side’s answer and why parks were left out', async () => {
    stubFetch((request) => {
      const path = new URL(request.url, 'http://localhost').pathname;
      if (path === '/api/me') return jsonResponse(200, OWNER);
      if (path === '/api/matching/projects/7') return jsonResponse(200, PROJECT);
      if (path === '/api/matching/projects/7/matches') return jsonResponse(200, MATCHES);
      return jsonResponse(404, { code: 'not_found', message: '未找到', detail: null });
    });
    renderApp('/matching/projects/7');
    expect(await screen.findByTestId('project-title')).toHaveTextContent('12 英寸芯片设计中心');
    const card = await screen.findByTestId('match-card');
    expect(await within(card).findByText('江北新区')).toBeInTheDocument();
    expect(card).toHaveTextContent('87.50');
    expect(card).toHaveTextContent('候选园区: 有意向');
    expect(screen.getByTestId('excluded')).toHaveTextContent('不足项目所需 100 亩');
  });
});
