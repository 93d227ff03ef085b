import { describe, expect, it } from 'vitest';

import type { DockingViewer } from '../../types';
import { nextStepHint, requestSteps } from '../request-steps';

const STAFF: DockingViewer = { isSecretariat: false, canWrite: true, isParkStaff: true };
const SECRETARIAT: DockingViewer = { isSecretariat: true, canWrite: true, isParkStaff: false };
const RESEARCHER: DockingViewer = { isSecretariat: false, canWrite: false, isParkStaff: false };

const to = (steps: ReturnType<typeof requestSteps>) => steps.map((step) => step.to);

describe('request steps', () => {
  it('lets the posting side accept or decline (with a reason) a new request', () => {
    const steps = requestSteps({ status: 'requested', viewer_side: 'owner' }, STAFF);
    expect(to(steps)).toEqual(['accepted', 'declined']);
    expect(steps.find((s) => s.to === 'declined')?.needsReason).toBe(true);
  });

  it('lets the requester only withdraw an unanswered request', () => {
    expect(to(requestSteps({ status: 'requested', viewer_side: 'requester' }, STAFF))).toEqual(['closed']);
  });

  it('moves either side on one step at a time: accepted -> in talks -> agreed', () => {
    expect(to(requestSteps({ status: 'accepted', viewer_side: 'requester' }, STAFF))).toEqual(['in_talks', 'closed']);
    expect(to(requestSteps({ status: 'in_talks', viewer_side: 'owner' }, STAFF))).toEqual(['agreed', 'closed']);
    expect(requestSteps({ status: 'agreed', viewer_side: 'owner' }, STAFF)).toEqual([]);
    expect(requestSteps({ status: 'declined', viewer_side: 'owner' }, STAFF)).toEqual([]);
  });

  it('gives the secretariat every step and researchers none', () => {
    expect(to(requestSteps({ status: 'requested', viewer_side: 'secretariat' }, SECRETARIAT))).toEqual([
      'accepted',
      'declined',
      'closed',
    ]);
    expect(requestSteps({ status: 'requested', viewer_side: null }, RESEARCHER)).toEqual([]);
  });

  it('says what comes next from the viewer side', () => {
    expect(nextStepHint({ status: 'requested', viewer_side: 'requester', project_id: null })).toBe('waitForAnswer');
    expect(nextStepHint({ status: 'requested', viewer_side: 'owner', project_id: null })).toBe('answer');
    expect(nextStepHint({ status: 'agreed', viewer_side: 'owner', project_id: null })).toBe('makeProject');
    expect(nextStepHint({ status: 'agreed', viewer_side: 'owner', project_id: 4 })).toBe('projectMade');
  });
});
