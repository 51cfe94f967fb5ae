// Form fields shared by the popup and the options page, so both say the same thing the same way.
import type { Sensitivity } from '../shared/types';

export const SENSITIVITY_OPTIONS: readonly { value: Sensitivity; label: string; hint: string }[] = [
  { value: 'strict', label: 'Strict', hint: 'Quiets only the most obvious sellers: fewest mistakes.' },
  { value: 'balanced', label: 'Balanced', hint: 'Quiets accounts that clearly sell most of the time.' },
  { value: 'loose', label: 'Loose', hint: 'Quiets accounts on less evidence: a quieter timeline, more mistakes.' },
];

export function Check(props: {
  id: string;
  label: string;
  checked: boolean;
  role?: 'switch';
  onChange: (on: boolean) => void;
}) {
  return (
    <div class="field field-check">
      <input
        id={props.id}
        type="checkbox"
        role={props.role}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

/** The sensitivity select and, under it, what the chosen sensitivity does. */
export function SensitivityField(props: { value: Sensitivity; onChange: (s: Sensitivity) => void }) {
  const hint = SENSITIVITY_OPTIONS.find((o) => o.value === props.value)?.hint ?? '';
  return (
    <>
      <div class="field">
        <label for="sensitivity">Sensitivity</label>
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
              {o.label}
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
