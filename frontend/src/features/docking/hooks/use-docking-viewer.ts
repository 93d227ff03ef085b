import { createContext, useContext } from 'react';

import type { DockingViewer } from '../types';

export const READ_ONLY_VIEWER: DockingViewer = { isSecretariat: false, canWrite: false, isParkStaff: false };

export const DockingViewerContext = createContext<DockingViewer>(READ_ONLY_VIEWER);

/** What the signed-in user may do on docking pages (given by the route from the user's role). */
export function useDockingViewer(): DockingViewer {
  return useContext(DockingViewerContext);
}
