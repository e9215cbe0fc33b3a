// A number field that keeps what the person typed ("1." or "abc") on screen while the draft holds the parsed
// number, or the raw text for the validator to report. `scale` shows fractions as percent (0.8 → 80).
import { useEffect, useState } from 'preact/hooks';
import { numberFromInput } from './draft.ts';
import { useInvalid } from './fields.tsx';

function shown(value: unknown, scale: number): string {
  if (typeof value === 'number') return String(Math.round(value * scale * 1e6) / 1e6);
  if (typeof value === 'string') return value;
  return '';
}

export interface NumberInputProps {
  path: string;
  value: unknown;
  label: string;
  onValue: (value: number | string | undefined) => void;
  scale?: number;
  placeholder?: string;
  testid?: string;
}

export function NumberInput({ path, value, label, onValue, scale = 1, placeholder, testid }: NumberInputProps) {
  const [text, setText] = useState(() => shown(value, scale));
  // Follow outside changes (a reload, an import) unless they are just this field's own parse of the text.
  useEffect(() => {
    const parsed = numberFromInput(text);
    const mine = typeof parsed === 'number' ? parsed / scale : parsed;
    if (mine !== value) setText(shown(value, scale));
  }, [value]);
  const invalid = useInvalid(path);
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        size={6}
        value={text}
        placeholder={placeholder}
        data-testid={testid}
        {...invalid}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = numberFromInput(next);
          onValue(typeof parsed === 'number' ? parsed / scale : parsed);
        }}
      />
    </label>
  );
}
