import type { ReactNode } from 'react';

import { useDockingLive } from '../hooks/use-docking-live';
import { DockingViewerContext } from '../hooks/use-docking-viewer';
import type { DockingViewer } from '../types';
import { DockingNav } from './docking-nav';

/** Frame of every docking page: who is looking, the sub-navigation, live refreshes. */
export function DockingShell({ viewer, children }: { viewer: DockingViewer; children: ReactNode }) {
  useDockingLive();
  return (
    <DockingViewerContext.Provider value={viewer}>
      <DockingNav />
      {children}
    </DockingViewerContext.Provider>
  );
}
