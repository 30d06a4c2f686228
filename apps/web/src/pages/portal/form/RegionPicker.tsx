import { Alert, Cascader, Input } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPortalRegionChildren } from '../../../api/portalRegions';
import { findOption, toOption, withChildren, type RegionOption } from '../../../components/regionTree';
import { useSystemInfo } from '../../../lib/useSystemInfo';

type Props = {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** The name of the starting value (the registry's residence), shown until the tree loads. */
  initialLabel?: string | null;
  testId?: string;
};

/** The codes from the deployment's scope down to `code` (GB/T 2260: 2, 4, 6, 9, 12 digits). */
export function regionPath(scope: string, code: string): string[] {
  return [2, 4, 6, 9, 12].filter((n) => n >= scope.length && n <= code.length).map((n) => code.slice(0, n));
}

/**
 * A township or village in the deployment's area, each level loaded when opened. If the tree
 * cannot be loaded, the starting value (the registry's residence) stays selected and shown.
 */
export function RegionPicker({ value, onChange, initialLabel, testId }: Props) {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const [failed, setFailed] = useState(false);
  const [initialCode] = useState(value);
  const optionsRef = useRef(options);

  async function loadChildren(codes: string[]): Promise<void> {
    const code = codes[codes.length - 1];
    if (!code || findOption(optionsRef.current, codes)?.children) return;
    const children = (await fetchPortalRegionChildren(code)).map(toOption);
    optionsRef.current = withChildren(optionsRef.current, codes, children);
    setOptions(optionsRef.current);
  }

  // Loaded once per scope; later values come from the cascader itself, so they are read, not followed.
  const valueNow = useEffectEvent(() => value);
  const loadLevel = useEffectEvent(loadChildren);

  useEffect(() => {
    if (!info) return;
    const value = valueNow();
    const scope = info.scope;
    optionsRef.current = [{ value: scope.code, label: scope.name, isLeaf: scope.level === 'village' }];
    setOptions(optionsRef.current);
    const run = new AbortController();
    void (async () => {
      const codes = value ? regionPath(scope.code, value) : [scope.code];
      for (let i = 1; i <= codes.length; i++) if (i < codes.length || !value) await loadLevel(codes.slice(0, i));
      if (!run.signal.aborted && value) setPath(codes);
    })().catch(() => {
      if (!run.signal.aborted) setFailed(true);
    });
    return () => run.abort();
  }, [info]);

  if (failed) {
    // The list cannot be read (the server refuses it to residents, or is down): keep the registry's
    // residence when there is one, and let the family type a code otherwise.
    const keepsRegistry = value !== undefined && value === initialCode;
    return (
      <div data-testid={testId} data-code={value}>
        {keepsRegistry ? (
          <Alert type="info" showIcon title={initialLabel ?? value} description={t('portal.form.regionFromRegistry')} />
        ) : (
          <>
            <Alert type="warning" showIcon title={t('portal.form.regionUnavailable')} style={{ marginBottom: 8 }} />
            <Input
              value={value}
              onChange={(e) => onChange?.(e.target.value.trim() || undefined)}
              inputMode="numeric"
              maxLength={12}
              className="mono"
              placeholder={t('portal.form.regionCodePlaceholder')}
              data-testid={testId && `${testId}-code`}
            />
          </>
        )}
      </div>
    );
  }
  return (
    <div data-testid={testId} data-code={value}>
      <Cascader<RegionOption>
        options={options}
        value={path}
        changeOnSelect
        // The clear button's name, which the component gives in English only.
        allowClear={{ label: t('common.clear') }}
        placeholder={initialLabel ?? t('portal.form.regionPlaceholder')}
        style={{ width: '100%' }}
        loadData={(selected) => {
          void loadChildren(selected.map((o) => o.value)).catch(() => setFailed(true));
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
