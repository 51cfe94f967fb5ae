// Form fields shared by the popup and the options page, so both say the same thing the same way.
import type { Settings } from '../shared/settings';
import type { Sensitivity } from '../shared/types';
import { t, type MessageKey } from './i18n';

export const SENSITIVITY_OPTIONS: readonly { value: Sensitivity; label: MessageKey; hint: MessageKey }[] = [
  { value: 'strict', label: 'sensitivity_strict', hint: 'sensitivity_strict_hint' },
  { value: 'balanced', label: 'sensitivity_balanced', hint: 'sensitivity_balanced_hint' },
  { value: 'loose', label: 'sensitivity_loose', hint: 'sensitivity_loose_hint' },
];

export function Check(props: {
  id: string;
  label: string;
  /** A sentence under the label that explains it (e.g. what "mixed" means). */
  hint?: string;
  checked: boolean;
  role?: 'switch';
  onChange: (on: boolean) => void;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="field field-check">
      <input
        id={props.id}
        type="checkbox"
        role={props.role}
        checked={props.checked}
        aria-describedby={hintId}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint check-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** The sensitivity select and, under it, what the chosen sensitivity does. */
export function SensitivityField(props: { value: Sensitivity; onChange: (s: Sensitivity) => void }) {
  const option = SENSITIVITY_OPTIONS.find((o) => o.value === props.value);
  const hint = option ? t(option.hint) : '';
  return (
    <>
      <div class="field">
        <label for="sensitivity">{t('sensitivity_label')}</label>
        <select
          id="sensitivity"
          value={props.value}
          aria-describedby="sensitivity-hint"
          onChange={(e) => {
            const match = SENSITIVITY_OPTIONS.find((o) => o.value === e.currentTarget.value);
            if (match) props.onChange(match.value);
          }}
        >
          {SENSITIVITY_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.label)}
            </option>
          ))}
        </select>
      </div>
      <p class="hint" id="sensitivity-hint">
        {hint}
      </p>
    </>
  );
}

/** The settings both the popup and the options page show. */
export function SettingsFields({
  settings: s,
  onChange,
}: {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}) {
  return (
    <>
      <SensitivityField value={s.sensitivity} onChange={(sensitivity) => onChange({ sensitivity })} />
      <Check id="hide-mixed" label={t('setting_hide_mixed')} hint={t('setting_hide_mixed_hint')} checked={s.hideMixed} onChange={(on) => onChange({ hideMixed: on })} />
      <Check id="hide-ads" label={t('setting_hide_ads')} checked={s.hideAds} onChange={(on) => onChange({ hideAds: on })} />
      <Check
        id="exempt-followed"
        label={t('setting_exempt_followed')}
        hint={t('setting_exempt_followed_hint')}
        checked={s.exemptFollowed}
        onChange={(on) => onChange({ exemptFollowed: on })}
      />
    </>
  );
}

