// Small building blocks every editor section uses: the errors of one field (from the validation run of the
// whole draft), and the "set by your administrator" lock note.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConfigProblem } from '../../shared/sync/check.ts';
import { t } from '../../shared/i18n.ts';
import { errorId } from './paths.ts';

export const ErrorsContext = createContext<Map<string, ConfigProblem[]>>(new Map());

/** aria props that tie an input to its errors, so screen readers announce them with the field. */
export function useInvalid(path: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string; 'data-path': string } {
  const errors = useContext(ErrorsContext).get(path);
  return errors?.length ? { 'aria-invalid': 'true', 'aria-describedby': errorId(path), 'data-path': path } : { 'data-path': path };
}

/** The validation messages for one field, right under it. */
export function FieldErrors({ path }: { path: string }) {
  const errors = useContext(ErrorsContext).get(path);
  if (!errors?.length) return null;
  return (
    <ul class="field-errors" id={errorId(path)} data-testid="field-error" data-for={path} role="alert">
      {errors.map((e, i) => (
        <li key={i}>{e.message}</li>
      ))}
    </ul>
  );
}

export function LockedNote({ locked }: { locked: boolean }) {
  if (!locked) return null;
  return (
    <p class="locked" data-testid="locked-note">
      <span aria-hidden="true">🔒 </span>
      {t('options_locked_admin')}
    </p>
  );
}

/** A section of the team config editor; `locked` disables every control in it (a disabled fieldset does that natively). */
export function EditorSection({ id, title, locked, children }: { id: string; title: string; locked: boolean; children: ComponentChildren }) {
  return (
    <section class="editor-section" aria-labelledby={`${id}-heading`} data-testid={`section-${id}`} data-locked={locked ? 'true' : 'false'}>
      <h2 id={`${id}-heading`}>
        {title}
        {locked ? <span class="lock" aria-hidden="true"> 🔒</span> : null}
      </h2>
      <LockedNote locked={locked} />
      <fieldset disabled={locked} class="plain">
        {children}
      </fieldset>
    </section>
  );
}
