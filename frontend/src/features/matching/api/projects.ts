import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Matches, Project, ProjectInput, ProjectStatus, Ref, SplitReport } from '../types';

const keys = {
  all: ['matching'] as const,
  projects: () => ['matching', 'projects'] as const,
  project: (id: number) => ['matching', 'projects', id] as const,
  matches: (id: number) => ['matching', 'projects', id, 'matches'] as const,
  split: (year: string) => ['matching', 'split', year] as const,
};

export function projectsQueryOptions() {
  return queryOptions({
    queryKey: keys.projects(),
    queryFn: ({ signal }) => api.get<Project[]>('/api/matching/projects', { signal }),
  });
}

/**
 * Projects in these statuses whose title contains `q`, searched on the server: the list
 * answers only the newest 500, so a picker must not filter a fetched page by itself.
 */
export function useProjectSearch(statuses: readonly ProjectStatus[], q: string) {
  const query = new URLSearchParams({ status: statuses.join(',') });
  if (q.trim()) query.set('q', q.trim());
  return useQuery({
    queryKey: [...keys.projects(), 'search', statuses.join(','), q.trim()] as const,
    queryFn: ({ signal }) => api.get<Project[]>(`/api/matching/projects?${query.toString()}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useProjects() {
  return useQuery(projectsQueryOptions());
}

export function useProject(id: number) {
  return useQuery({
    queryKey: keys.project(id),
    queryFn: ({ signal }) => api.get<Project>(`/api/matching/projects/${id}`, { signal }),
  });
}

export function useMatches(id: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.matches(id),
    queryFn: ({ signal }) => api.get<Matches>(`/api/matching/projects/${id}/matches`, { signal }),
    enabled,
  });
}

/** Industries for the project form (the network's reference list). */
export function useIndustryOptions() {
  return useQuery({
    queryKey: ['matching', 'industries'],
    queryFn: ({ signal }) =>
      api.get<{ results: Ref[] }>('/api/network/industries?page_size=500', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectInput) => api.post<Project>('/api/matching/projects', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useTransition(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: ProjectStatus) =>
      api.post<Project>(`/api/matching/projects/${id}/transition`, { status }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRunMatching(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Matches>(`/api/matching/projects/${id}/matches`),
    onSuccess: (data) => queryClient.setQueryData(keys.matches(id), data),
  });
}

export function useFeedback(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ park, response, reason }: { park: number; response: 'interest' | 'decline'; reason?: string }) =>
      api.post(`/api/matching/projects/${id}/matches/${park}/feedback`, { response, reason: reason ?? '' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useSplitReport(year: string) {
  return useQuery({
    queryKey: keys.split(year),
    queryFn: ({ signal }) =>
      api.get<SplitReport>(`/api/matching/split-report${year ? `?year=${encodeURIComponent(year)}` : ''}`, {
        signal,
      }),
  });
}
