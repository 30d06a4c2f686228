import { Cascader } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRegion, fetchRegionChildren } from '../api/registry';
import { useMe } from '../lib/auth';
import { findOption, toOption, withChildren, type RegionOption } from './regionTree';

type Props = { value?: string; onChange?: (code: string | undefined) => void; placeholder?: string; testId?: string };

/**
 * Picks one region inside the user's jurisdiction, loading each level when opened.
 * The form sees a single region code; the path from the jurisdiction down is kept here.
 */
export function RegionCascader({ value, onChange, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const { jurisdiction } = useMe();
  const [options, setOptions] = useState<RegionOption[]>(() => [
    { value: jurisdiction.code, label: jurisdiction.name, isLeaf: jurisdiction.level === 'village' },
  ]);
  const [path, setPath] = useState<string[]>([]);
  const optionsRef = useRef(options);

  /** Loads the children of the option at `codes` unless they are there already. */
  async function loadChildren(codes: string[]): Promise<void> {
    const code = codes[codes.length - 1];
    if (!code || findOption(optionsRef.current, codes)?.children) return;
    const children = (await fetchRegionChildren(code)).map(toOption);
    optionsRef.current = withChildren(optionsRef.current, codes, children);
    setOptions((prev) => withChildren(prev, codes, children));
  }

  // Read by the effect, not reasons to run it again.
  const isShown = useEffectEvent((code: string) => path[path.length - 1] === code);
  const loadLevel = useEffectEvent(loadChildren);

  // A code set from outside (the URL, on back navigation): find its path and load the levels above it.
  useEffect(() => {
    if (!value) return;
    if (isShown(value)) return;
    const run = new AbortController();
    void (async () => {
      const region = await fetchRegion(value);
      const start = region.path.findIndex((p) => p.code === jurisdiction.code);
      if (start < 0) return;
      const codes = region.path.slice(start).map((p) => p.code);
      for (let i = 1; i < codes.length; i++) await loadLevel(codes.slice(0, i));
      if (!run.signal.aborted) setPath(codes);
    })().catch(() => undefined);
    return () => run.abort();
  }, [value, jurisdiction.code]);

  return (
    <div data-testid={testId}>
      <Cascader<RegionOption>
        options={options}
        value={value ? path : []}
        changeOnSelect
        // The clear button's label is the component library's English "Clear" unless given.
        allowClear={{ label: t('common.clear') }}
        placeholder={placeholder}
        style={{ width: '100%' }}
        loadData={(selected) => {
          void loadChildren(selected.map((o) => o.value)).catch(() => undefined);
        }}
        onChange={(codes) => {
          // Clearing passes undefined, whatever the types say.
          const next = (codes as string[] | undefined) ?? [];
          setPath(next);
          onChange?.(next[next.length - 1]);
        }}
      />
    </div>
  );
}
