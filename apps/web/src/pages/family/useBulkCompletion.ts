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
  const [busy, setBusy] = useState(false);
  const [bulkError, setBulkError] = useState<unknown>(null);

  const completeSelected = async () => {
    const ids = selected.map(Number);
    const numbers = numbersOf();
    setBusy(true);
    setBulkError(null);
    try {
      const result = await complete(ids);
      setBulk({ result, numbers });
      const done = doneOf(result);
      if (done > 0) void message.success(t('family.bulk.done', { count: done }));
      setSelected([]);
      reload();
    } catch (e) {
      setBulkError(e);
    } finally {
      setBusy(false);
    }
  };

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
