import { Col, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { useActions } from '@/features/alliance/api/actions';
import type { User } from '@/features/auth/types';
import { useRequests } from '@/features/docking/api/requests';
import { useParkMatches } from '@/features/matching/api/park-matches';

import { FigureCard } from './figure-card';
import { useHandoffs } from './home-api';
import { NEW_MATCH_DAYS, NEW_MATCH_WINDOW, newMatches } from './new-matches';
import { NextMeetingCard } from './next-meeting-card';

const MINE = { mine: 'true' };
const NEWEST_MATCHES = { pageSize: NEW_MATCH_WINDOW };

/** 园区工作人员: what needs their park this morning. */
export function ParkStaffHome({ user }: { user: User }) {
  const { t } = useTranslation();
  const parkId = user.park?.id;
  // The park's own rows of the latest match runs (not the notifications about them).
  const matches = useParkMatches(NEWEST_MATCHES);
  const handoffs = useHandoffs();
  const requests = useRequests('incoming', 'requested');
  const actions = useActions(MINE);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12} xl={8}>
        <FigureCard
          title={t('home.newMatches', { days: NEW_MATCH_DAYS })}
          testId="home-new-matches"
          query={matches}
          count={(page) => newMatches(page.results).length}
          rows={(page) =>
            newMatches(page.results).map((m) => ({
              key: m.project.id,
              to: `/matching/projects/${m.project.id}`,
              title: m.project.title,
              extra: t('home.matchRankScore', { rank: m.rank, score: m.score }),
            }))
          }
          to="/matching"
          empty={t('home.noNewMatches')}
        />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <FigureCard
          title={t('home.handoffs')}
          testId="home-handoffs"
          query={handoffs}
          count={(rows) => rows.filter((h) => h.status === 'pending' && h.to_park.id === parkId).length}
          rows={(rows) =>
            rows
              .filter((h) => h.status === 'pending' && h.to_park.id === parkId)
              .map((h) => ({
                key: h.id,
                to: `/matching/projects/${h.project.id}`,
                title: h.project.title,
                extra: h.from_park.name,
              }))
          }
          to="/matching"
          empty={t('home.noHandoffs')}
        />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <FigureCard
          title={t('home.requestsWaiting')}
          testId="home-requests-waiting"
          query={requests}
          count={(rows) => rows.length}
          rows={(rows) =>
            rows.map((r) => ({
              key: r.id,
              to: `/docking/requests/${r.id}`,
              title: r.posting.title,
              extra: r.requester.name,
            }))
          }
          to="/docking/requests"
          empty={t('home.noRequestsWaiting')}
        />
      </Col>
      <Col xs={24} md={12} xl={12}>
        <FigureCard
          title={t('home.myActions')}
          testId="home-my-actions"
          query={actions}
          count={(rows) => rows.filter((a) => a.status !== 'done').length}
          rows={(rows) =>
            rows
              .filter((a) => a.status !== 'done')
              .map((a) => ({
                key: a.id,
                to: `/alliance/actions/${a.id}`,
                title: a.text,
                extra: a.overdue ? <Tag color="red">{a.deadline}</Tag> : <Tag>{a.deadline}</Tag>,
              }))
          }
          to="/alliance/actions"
          empty={t('home.noActions')}
        />
      </Col>
      <Col xs={24} md={24} xl={12}>
        <NextMeetingCard />
      </Col>
    </Row>
  );
}
