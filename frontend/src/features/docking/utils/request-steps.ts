import type { DockingRequest, DockingViewer, RequestStatus } from '../types';

export type RequestStep = {
  to: RequestStatus;
  /** A reason must be given (declining). */
  needsReason: boolean;
  primary: boolean;
};

/**
 * The steps this viewer may take on a request now (the server's rules in
 * backend/docking/services.request_transition): the posting side accepts or declines, the
 * requester withdraws an unanswered request, either side moves an accepted request on to
 * talks and agreement or closes it; the secretariat may do all of it.
 */
export function requestSteps(request: Pick<DockingRequest, 'status' | 'viewer_side'>, viewer: DockingViewer): RequestStep[] {
  if (!viewer.canWrite) {
    return [];
  }
  const side = request.viewer_side;
  const secretariat = viewer.isSecretariat || side === 'secretariat';
  const owner = side === 'owner' || secretariat;
  const requester = side === 'requester' || secretariat;
  switch (request.status) {
    case 'requested':
      return [
        ...(owner
          ? [
              { to: 'accepted' as const, needsReason: false, primary: true },
              { to: 'declined' as const, needsReason: true, primary: false },
            ]
          : []),
        ...(requester ? [{ to: 'closed' as const, needsReason: false, primary: false }] : []),
      ];
    case 'accepted':
      return side || secretariat
        ? [
            { to: 'in_talks', needsReason: false, primary: true },
            { to: 'closed', needsReason: false, primary: false },
          ]
        : [];
    case 'in_talks':
      return side || secretariat
        ? [
            { to: 'agreed', needsReason: false, primary: true },
            { to: 'closed', needsReason: false, primary: false },
          ]
        : [];
    default:
      return [];
  }
}

/** The hint under a request: what happens next, from this viewer's side. */
export function nextStepHint(request: Pick<DockingRequest, 'status' | 'viewer_side' | 'project_id'>): string {
  const side = request.viewer_side ?? 'secretariat';
  switch (request.status) {
    case 'requested':
      return side === 'requester' ? 'waitForAnswer' : 'answer';
    case 'accepted':
      return 'talk';
    case 'in_talks':
      return 'agree';
    case 'agreed':
      return request.project_id ? 'projectMade' : 'makeProject';
    default:
      return 'ended';
  }
}
