/**
 * The merge: defaults < the rep's saved values < the organisation's policy. Every key the policy
 * sets with a valid value is locked. `rules` merges switch by switch (a policy that turns off only
 * `checkin` keeps the rep's other switches), and the whole `rules` control locks as soon as the
 * policy sets any switch: `locked` names whole settings, and a half-locked group would confuse.
 * Pure: no browser access.
 */
import { SETTING_KEYS } from './fields';
import { DEFAULT_SETTINGS, type Settings } from './schema';
import { validateSettings, type SettingProblem, type SettingsPatch } from './validate';

export interface Resolution {
  values: Settings;
  locked: (keyof Settings)[];
  problems: SettingProblem[];
}

export function applyPatch(base: Settings, patch: SettingsPatch): Settings {
  return { ...base, ...patch, rules: { ...base.rules, ...patch.rules }, crm: { ...base.crm, ...patch.crm } };
}

export function resolveSettings(
  savedRaw: unknown,
  policyRaw: unknown,
  defaults: Settings = DEFAULT_SETTINGS,
): Resolution {
  const saved = validateSettings(savedRaw, 'saved');
  const policy = validateSettings(policyRaw, 'policy');
  return {
    values: applyPatch(applyPatch(defaults, saved.values), policy.values),
    locked: SETTING_KEYS.filter((key) => policy.values[key] !== undefined),
    problems: [...policy.problems, ...saved.problems],
  };
}

/** The patch without the keys the policy locks: a rep's change never overrides the organisation. */
export function withoutLocked(patch: SettingsPatch, locked: readonly (keyof Settings)[]): SettingsPatch {
  return Object.fromEntries(Object.entries(patch).filter(([key]) => !locked.includes(key as keyof Settings)));
}

/** `later` over `earlier`, switch by switch for `rules`. */
export function combinePatches(earlier: SettingsPatch, later: SettingsPatch): SettingsPatch {
  const combined: SettingsPatch = { ...earlier, ...later };
  if (earlier.rules || later.rules) combined.rules = { ...earlier.rules, ...later.rules };
  return combined;
}
