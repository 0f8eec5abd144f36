/**
 * Window/level presets (window width / centre in Hounsfield units for CT).
 * MR and US have no absolute scale: they use the image's own window ("auto").
 */
export interface VoiPreset {
  id: string;
  name: string;
  width: number;
  center: number;
}

export const CT_PRESETS: VoiPreset[] = [
  { id: "soft-tissue", name: "Soft tissue", width: 400, center: 40 },
  { id: "lung", name: "Lung", width: 1500, center: -600 },
  { id: "bone", name: "Bone", width: 1800, center: 400 },
  { id: "brain", name: "Brain", width: 80, center: 40 },
  { id: "liver", name: "Liver", width: 150, center: 30 },
];

export function presetsFor(modality: string): VoiPreset[] {
  return modality === "CT" ? CT_PRESETS : [];
}

/** Cornerstone's VOI range for a width/centre pair (the DICOM linear function, PS3.3 C.11.2.1.2.1). */
export function voiRange(width: number, center: number): { lower: number; upper: number } {
  return { lower: center - 0.5 - (width - 1) / 2, upper: center - 0.5 + (width - 1) / 2 };
}

export function windowFromRange(range: { lower: number; upper: number }): { width: number; center: number } {
  return { width: Math.abs(range.upper - range.lower) + 1, center: (range.lower + range.upper + 1) / 2 };
}
