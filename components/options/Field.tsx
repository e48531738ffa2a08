/**
 * The frame every setting shares: its label or legend, a one-sentence explanation tied to the
 * control by aria-describedby, and the "Set by your organization" note when the policy locks it.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings/schema';

export interface FieldProps {
  setting: keyof Settings;
  help: string;
  locked: boolean;
}

/** Ids of the explanation and the lock note, for the control's aria-describedby. */
export function describedBy(setting: keyof Settings, locked: boolean): string {
  return locked ? `${setting}-help ${setting}-locked` : `${setting}-help`;
}

export function Explanation({ setting, help, locked }: FieldProps) {
  return (
    <>
      <p class="help" id={`${setting}-help`}>
        {help}
      </p>
      {locked && (
        <p class="locked" id={`${setting}-locked`}>
          {t('optionsLocked')}
        </p>
      )}
    </>
  );
}

/** A setting made of several inputs: a fieldset whose legend names it. */
export function FieldGroup(props: FieldProps & { legend: string; children: ComponentChildren }) {
  return (
    <fieldset
      class="field"
      data-setting={props.setting}
      data-locked={props.locked ? 'true' : undefined}
      aria-describedby={describedBy(props.setting, props.locked)}
    >
      <legend>{props.legend}</legend>
      {props.children}
      <Explanation {...props} />
    </fieldset>
  );
}

/** A setting made of one input, labelled by `label`. */
export function SingleField(props: FieldProps & { label: string; children: ComponentChildren; inline?: boolean }) {
  return (
    <div
      class={props.inline ? 'field inline' : 'field'}
      data-setting={props.setting}
      data-locked={props.locked ? 'true' : undefined}
    >
      <label for={props.setting}>{props.label}</label>
      {props.children}
      <Explanation {...props} />
    </div>
  );
}
