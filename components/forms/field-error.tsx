// A field's error as Bootstrap Italia shows it, next to the field, with the id the field's
// aria-describedby points to; nothing when there is no error. `testId` names it for the e2e.
export function FieldError({ id, message, testId }: { id: string | undefined; message: string | null | undefined; testId?: string }) {
  return message ? (
    <div id={id} className="invalid-feedback d-block" data-testid={testId}>
      {message}
    </div>
  ) : null;
}
