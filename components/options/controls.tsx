/**
 * The inputs behind each kind of setting. Each saves on its own through updateUserSettings, which
 * refuses locked keys and invalid values; locked controls are disabled and say so to screen readers.
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { updateUserSettings, type SettingsPatch } from '../../lib/settings';
import type { Sensitivity, Settings } from '../../lib/settings/schema';
import { describedBy, FieldGroup, SingleField, type FieldProps } from './Field';

type KeysOf<T> = { [K in keyof Settings]: Settings[K] extends T ? K : never }[keyof Settings];

function save(patch: SettingsPatch) {
  void updateUserSettings(patch);
}

function lockAttributes(locked: boolean) {
  return { disabled: locked, 'aria-disabled': locked ? ('true' as const) : undefined };
}

export function Toggle(props: FieldProps & { setting: KeysOf<boolean>; label: string; value: boolean }) {
  return (
    <SingleField {...props} inline>
      <input
        id={props.setting}
        type="checkbox"
        checked={props.value}
        aria-describedby={describedBy(props.setting, props.locked)}
        {...lockAttributes(props.locked)}
        onChange={(event) => save({ [props.setting]: event.currentTarget.checked })}
      />
    </SingleField>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** One of several words, as radio buttons. */
export function Choice(
  props: FieldProps & { setting: 'sensitivity'; legend: string; options: Option[]; value: string },
) {
  return (
    <FieldGroup {...props}>
      {props.options.map((option) => (
        <label class="option" key={option.value}>
          <input
            type="radio"
            name={props.setting}
            value={option.value}
            checked={props.value === option.value}
            {...lockAttributes(props.locked)}
            onChange={() => save({ sensitivity: option.value as Sensitivity })}
          />
          {option.label}
        </label>
      ))}
    </FieldGroup>
  );
}

/** Several on/off choices: which sites, which rules. */
export function Checklist(
  props: FieldProps & {
    setting: 'sites' | 'rules';
    legend: string;
    options: Option[];
    isOn: (value: string) => boolean;
    patchFor: (value: string, on: boolean) => SettingsPatch;
  },
) {
  return (
    <FieldGroup {...props}>
      {props.options.map((option) => (
        <label class="option" key={option.value}>
          <input
            type="checkbox"
            name={props.setting}
            value={option.value}
            checked={props.isOn(option.value)}
            {...lockAttributes(props.locked)}
            onChange={(event) => save(props.patchFor(option.value, event.currentTarget.checked))}
          />
          {option.label}
        </label>
      ))}
    </FieldGroup>
  );
}

/** Text the rep is editing wins over the stored value until it is saved or the stored value changes. */
function useDraft(stored: string): [string, (text: string) => void] {
  // Derived rather than synced by an effect, so no late effect can overwrite what was just typed.
  const [draft, setDraft] = useState({ text: stored, base: stored });
  return [draft.base === stored ? draft.text : stored, (text) => setDraft({ text, base: stored })];
}

/** A whole number in a range; saved as soon as it is valid, explained when it is not. */
export function WholeNumber(
  props: FieldProps & { setting: KeysOf<number>; label: string; value: number; min: number; max: number },
) {
  const [draft, setDraft] = useDraft(String(props.value));
  const parsed = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(parsed) && parsed >= props.min && parsed <= props.max;
  const range = [String(props.min), String(props.max)];
  return (
    <SingleField {...props} help={`${props.help} ${t('optionsRange', range)}`}>
      <input
        id={props.setting}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={draft}
        aria-invalid={valid ? undefined : 'true'}
        aria-describedby={`${describedBy(props.setting, props.locked)}${valid ? '' : ` ${props.setting}-error`}`}
        {...lockAttributes(props.locked)}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          const value = Number(text);
          if (text.trim() !== '' && Number.isInteger(value) && value >= props.min && value <= props.max)
            save({ [props.setting]: value });
        }}
      />
      {!valid && (
        <p class="error" id={`${props.setting}-error`} role="alert">
          {t('optionsInvalidNumber', range)}
        </p>
      )}
    </SingleField>
  );
}

/** A list of phrases or addresses, one per line; saved when the rep leaves the box. */
export function LineList(props: FieldProps & { setting: KeysOf<string[]>; label: string; value: string[] }) {
  const [draft, setDraft] = useDraft(props.value.join('\n'));
  return (
    <SingleField {...props} help={`${props.help} ${t('optionsOnePerLine')}`}>
      <textarea
        id={props.setting}
        rows={4}
        value={draft}
        aria-describedby={describedBy(props.setting, props.locked)}
        {...lockAttributes(props.locked)}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onChange={(event) => save({ [props.setting]: event.currentTarget.value.split('\n') })}
      />
    </SingleField>
  );
}
