import {
  ApartmentOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CheckSquareOutlined,
  DeploymentUnitOutlined,
  ExperimentOutlined,
  HomeOutlined,
  InteractionOutlined,
  SlidersOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

import type { User } from '@/features/auth/types';

export type NavEntry = { path: string; label: string; icon: ReactNode };

const CURATORS = new Set(['admin', 'secretariat']);

/**
 * The side menu for this person: the pages their role works in, most used first. Anonymous
 * visitors see the public sections (each asks them to sign in).
 */
export function navEntriesFor(user: User | null | undefined, t: TFunction): NavEntry[] {
  const home: NavEntry = { path: '/', label: t('nav.home'), icon: <HomeOutlined /> };
  const parks: NavEntry = { path: '/parks', label: t('nav.parks'), icon: <BankOutlined /> };
  const organisations: NavEntry = { path: '/organisations', label: t('nav.organisations'), icon: <ApartmentOutlined /> };
  const explorer: NavEntry = { path: '/explorer', label: t('nav.explorer'), icon: <DeploymentUnitOutlined /> };
  const matching: NavEntry = { path: '/matching', label: t('nav.matching'), icon: <InteractionOutlined /> };
  const split: NavEntry = { path: '/matching/split-report', label: t('nav.splitReport'), icon: <BarChartOutlined /> };
  const weights: NavEntry = { path: '/matching/weights', label: t('nav.matchingWeights'), icon: <SlidersOutlined /> };
  const docking: NavEntry = { path: '/docking', label: t('docking.nav.title'), icon: <SwapOutlined /> };
  const alliance: NavEntry = { path: '/alliance', label: t('nav.alliance'), icon: <TeamOutlined /> };
  const actions: NavEntry = { path: '/alliance/actions', label: t('nav.actions'), icon: <CheckSquareOutlined /> };
  const research: NavEntry = { path: '/research', label: t('nav.research'), icon: <ExperimentOutlined /> };
  const notifications: NavEntry = { path: '/notifications', label: t('nav.notifications'), icon: <BellOutlined /> };

  if (!user) {
    return [home, parks, organisations, explorer];
  }
  if (!user.role) {
    return [home, notifications];
  }
  if (CURATORS.has(user.role)) {
    return [home, alliance, actions, matching, split, weights, docking, parks, organisations, explorer, research, notifications];
  }
  if (user.role === 'park_staff') {
    return [home, matching, docking, alliance, actions, split, parks, organisations, explorer, research, notifications];
  }
  if (user.role === 'researcher') {
    return [home, research, explorer, parks, organisations, matching, docking, notifications];
  }
  return [home, docking, parks, organisations, explorer, matching, research, notifications];
}

/** The entry a path belongs to: the longest entry path that prefixes it. */
export function selectedEntry(entries: NavEntry[], pathname: string): string | null {
  let best: string | null = null;
  for (const { path } of entries) {
    const matches = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (matches && (best === null || path.length > best.length)) {
      best = path;
    }
  }
  return best;
}
