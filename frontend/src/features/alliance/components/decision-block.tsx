import { App, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useCloseVote, useVote } from '../api/agenda';
import type { Decision, VoteChoice } from '../types';
import { StatusTag } from './status';

type Props = { meetingId: number; decision: Decision; canManage: boolean; viewerParkId: number | null };

export function DecisionBlock({ meetingId, decision, canManage, viewerParkId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const vote = useVote(meetingId);
  const close = useCloseVote(meetingId);
  const voted = decision.votes.some((v) => v.park_id === viewerParkId);
  const onError = (error: Error) => void message.error(error.message);
  return (
    <div style={{ padding: '6px 10px', background: 'rgba(0,0,0,0.02)', borderRadius: 6 }}>
      <Space wrap>
        <Typography.Text>
          {t('alliance.decision')}：{decision.text}
        </Typography.Text>
        <StatusTag status={decision.status} />
        {decision.votes.length > 0 || decision.status === 'voting' ? (
          <Typography.Text type="secondary">
            {t('alliance.tally', { agree: decision.tally.agree, oppose: decision.tally.oppose, abstain: decision.tally.abstain })}
          </Typography.Text>
        ) : null}
      </Space>
      {decision.actions.map((action) => (
        <div key={action.id}>
          <Tag color="gold">{t('alliance.actionItem')}</Tag>
          {action.text}（{action.owner_unit || t('alliance.memberPark')} · {action.deadline}）
        </div>
      ))}
      {decision.status === 'voting' && viewerParkId != null && !voted ? (
        <Space style={{ marginTop: 6 }}>
          {(['agree', 'oppose', 'abstain'] as VoteChoice[]).map((choice) => (
            <Button key={choice} size="small" onClick={() => vote.mutate({ decisionId: decision.id, choice }, { onError })}>
              {t(`alliance.choice.${choice}`)}
            </Button>
          ))}
        </Space>
      ) : null}
      {decision.status === 'voting' && canManage ? (
        <Button size="small" style={{ marginTop: 6 }} onClick={() => close.mutate(decision.id, { onError })}>
          {t('alliance.closeVote')}
        </Button>
      ) : null}
    </div>
  );
}
