import type { PostingFilters } from '../types';

export const dockingKeys = {
  all: ['docking'] as const,
  postings: () => ['docking', 'postings'] as const,
  postingList: (filters: PostingFilters) => ['docking', 'postings', 'list', filters] as const,
  reviewQueue: () => ['docking', 'postings', 'review-queue'] as const,
  posting: (id: number) => ['docking', 'postings', id] as const,
  history: (id: number) => ['docking', 'postings', id, 'history'] as const,
  recommendations: (id: number) => ['docking', 'postings', id, 'recommendations'] as const,
  postingRequests: (id: number) => ['docking', 'postings', id, 'requests'] as const,
  requests: () => ['docking', 'requests'] as const,
  requestList: (direction: string, status: string) => ['docking', 'requests', 'list', direction, status] as const,
  request: (id: number) => ['docking', 'requests', id] as const,
  threads: () => ['docking', 'threads'] as const,
  thread: (id: number) => ['docking', 'threads', id] as const,
  messages: (id: number) => ['docking', 'threads', id, 'messages'] as const,
  savedSearches: () => ['docking', 'saved-searches'] as const,
  settings: () => ['docking', 'settings'] as const,
  vocabulary: (language: string) => ['docking', 'vocabulary', language] as const,
  stats: (since: string, until: string) => ['docking', 'stats', since, until] as const,
  reference: (what: string, q: string) => ['docking', 'reference', what, q] as const,
};
