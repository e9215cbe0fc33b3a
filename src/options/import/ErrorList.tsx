// Every validation problem with its path, so a broken file can be fixed in one go.
export function ErrorList({ errors, testid = 'import-config-errors' }: { errors: { path: string; message: string }[]; testid?: string }) {
  return (
    <ul class="errors" data-testid={testid}>
      {errors.map((e, i) => (
        <li key={i}>
          {e.path ? <code>{e.path}</code> : null}
          {e.path ? ': ' : null}
          {e.message}
        </li>
      ))}
    </ul>
  );
}
