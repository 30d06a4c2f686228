import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { isApiError } from '../../../api/client';
import type { FamilyFieldError } from '../../../lib/portalDomain';
import { useLang } from '../../../lib/useLang';
import { isFieldErrorList, placeErrors, type FieldLocator, type FieldPath } from './fieldErrors';

/**
 * Field errors on an antd form from the domain's rules while the family types (on fields they
 * have touched; on all after a first submit) and from the server's answer on submit. The form has
 * no antd rules and no onFinish: its submit button calls the page, so antd's own validation never
 * clears these messages.
 */
export function useFormErrors<V>(form: FormInstance<V>, formFields: readonly FieldPath[], locate: FieldLocator) {
  const lang = useLang();
  const [general, setGeneral] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);

  const show = useCallback(
    (errors: readonly FamilyFieldError[], all: boolean) => {
      const placed = placeErrors(errors, formFields, locate, lang, (name) => all || form.isFieldTouched(name as never));
      form.setFields(placed.fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      setGeneral(all ? placed.general : []);
      const first = placed.fields.find((f) => f.errors.length > 0);
      if (all && first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
      return placed;
    },
    [form, formFields, locate, lang],
  );

  /** After a change: the domain's verdict on what the family typed. */
  const onChange = useCallback((errors: readonly FamilyFieldError[]) => show(errors, submitted), [show, submitted]);

  /** On submit: every field's problems; true when there are none. */
  const onSubmit = useCallback(
    (errors: readonly FamilyFieldError[]) => {
      setSubmitted(true);
      return show(errors, true).fields.every((f) => f.errors.length === 0) && errors.length === 0;
    },
    [show],
  );

  /** A refused submission: its field errors on the fields; true when the answer had any. */
  const onServerError = useCallback(
    (e: unknown) => {
      if (!isApiError(e) || !isFieldErrorList(e.details)) return false;
      show(e.details, true);
      return true;
    },
    [show],
  );

  return { general, onChange, onSubmit, onServerError };
}
