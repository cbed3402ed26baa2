'use client';
import { useState, type FormEvent } from 'react';

/**
 * Stops a form whose password is longer than the server accepts before it is sent:
 * Next refuses request bodies over 1 MB outright, which would show an error page
 * instead of this message. The server still validates every length itself.
 */
export function usePasswordLengthGuard(max: number, field = 'password') {
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const value = new FormData(event.currentTarget).get(field);
    if (typeof value === 'string' && value.length > max) {
      event.preventDefault();
      setError(`Use at most ${max} characters.`);
    } else {
      setError(undefined);
    }
  };
  return { passwordError: error, onSubmit };
}
