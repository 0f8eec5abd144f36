/** Archive reads shared by the image browser's columns. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { api, unwrap, type Schemas } from "@/api/client";

export type Patient = Schemas["PatientRead"];
export type Study = Schemas["StudyRead"];
export type Series = Schemas["SeriesRead"];

export interface ArchiveFilters {
  search: string;
  modality: string;
  from: string;
  to: string;
}

export function usePatients(search: string, offset: number) {
  return useQuery({
    queryKey: ["archive", "patients", search, offset],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET("/api/v1/patients", { params: { query: { search: search || undefined, limit: 50, offset } } })),
  });
}

export function useStudies(patient: number | null, filters: ArchiveFilters, offset: number) {
  return useQuery({
    queryKey: ["archive", "studies", patient, filters, offset],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/studies", {
          params: {
            query: {
              patient: patient ?? undefined,
              search: patient ? undefined : filters.search || undefined,
              modality: filters.modality || undefined,
              study_date_from: filters.from || undefined,
              study_date_to: filters.to || undefined,
              limit: 50,
              offset,
            },
          },
        }),
      ),
  });
}

export function useStudy(studyId: number | null) {
  return useQuery({
    queryKey: ["archive", "study", studyId],
    enabled: studyId !== null,
    queryFn: () => unwrap(api.GET("/api/v1/studies/{study_id}", { params: { path: { study_id: studyId! } } })),
  });
}

export function useSeriesDetail(seriesId: number | null) {
  return useQuery({
    queryKey: ["archive", "series", seriesId],
    enabled: seriesId !== null,
    queryFn: () => unwrap(api.GET("/api/v1/series/{series_id}", { params: { path: { series_id: seriesId! } } })),
  });
}

export function useInstanceAttributes(instanceId: number | null) {
  return useQuery({
    queryKey: ["archive", "instance", instanceId],
    enabled: instanceId !== null,
    queryFn: () => unwrap(api.GET("/api/v1/instances/{instance_id}", { params: { path: { instance_id: instanceId! } } })),
  });
}
