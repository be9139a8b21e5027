/** A field's own error message, referenced by the input's aria-describedby (see invalidProps). */
export const FieldError = ({ id, message }: { id: string; message: string | undefined }) =>
  message ? (
    <p className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
      {message}
    </p>
  ) : null;
