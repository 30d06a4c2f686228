import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';

type Options<R> = {
  complete: (ids: number[]) => Promise<R>;
  /** How many the server completed. */
  doneOf: (result: R) => number;
  /** Numbers as the rows showed them, for the result: the completed ones leave the filtered page. */
  numbersOf: () => Map<number, string>;
  reload: () => void;
};

/** A queue's selection and its bulk completion: the server's result stays shown until closed. */
export function useBulkCompletion<R>({ complete, doneOf, numbersOf, reload }: Options<R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<Key[]>([]);
  const [bulk, setBulk] = useState<{ result: R; numbers: Map<number, string> } | null>(null);
  const mutation = useMutation({
    // The numbers are taken when the action starts: the result names rows that may leave the page.
    mutationFn: async ({ ids, numbers }: { ids: number[]; numbers: Map<number, string> }) => ({
      result: await complete(ids),
      numbers,
    }),
    onSuccess: (next) => {
      setBulk(next);
      const done = doneOf(next.result);
      if (done > 0) void message.success(t('family.bulk.done', { count: done }));
      setSelected([]);
      reload();
    },
  });
  const completeSelected = () => mutation.mutate({ ids: selected.map(Number), numbers: numbersOf() });
  const busy = mutation.isPending;
  const bulkError = mutation.error;

  const numberOf = (id: number) => bulk?.numbers.get(id) ?? `#${id}`;
  return {
    selected,
    setSelected,
    bulk: bulk?.result ?? null,
    closeBulk: () => setBulk(null),
    numberOf,
    busy,
    bulkError,
    completeSelected,
  };
}
