import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';

import { useRequests } from '@/features/docking/api/requests';
import { RequestStatusTag } from '@/features/docking/components/tags';

import { FigureCard } from './figure-card';

/** 机构用户 (enterprise, university, lab): their organisation's docking. */
export function OrgHome() {
  const { t } = useTranslation();
  const waiting = useRequests('incoming', 'requested');
  const outgoing = useRequests('outgoing', '');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
        <FigureCard
          title={t('home.requestsWaiting')}
          testId="home-requests-waiting"
          query={waiting}
          count={(rows) => rows.length}
          rows={(rows) =>
            rows.map((r) => ({ key: r.id, to: `/docking/requests/${r.id}`, title: r.posting.title, extra: r.requester.name }))
          }
          to="/docking/requests"
          empty={t('home.noRequestsWaiting')}
        />
      </Col>
      <Col xs={24} md={12}>
        <FigureCard
          title={t('home.myRequests')}
          testId="home-my-requests"
          query={outgoing}
          count={(rows) => rows.length}
          rows={(rows) =>
            rows.map((r) => ({
              key: r.id,
              to: `/docking/requests/${r.id}`,
              title: r.posting.title,
              extra: <RequestStatusTag status={r.status} />,
            }))
          }
          to="/docking/requests"
          empty={t('home.noMyRequests')}
        />
      </Col>
    </Row>
  );
}
