import { App, Button, Flex, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setSpecialFamilyNeeds } from '../../api/specialFamilies';
import { SPECIAL_FAMILY_NEEDS } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';
import { type File, useFileRefresh } from './useFileRefresh';

type Need = (typeof SPECIAL_FAMILY_NEEDS)[number];

/** The needs, changed by the township or the county after the proposal (audited with the old list). */
export function NeedsEditor({ file }: { file: File }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useFileRefresh(file.id);
  const [needs, setNeeds] = useState<Need[]>(file.needs as Need[]);
  const save = useMutation({
    mutationFn: () => setSpecialFamilyNeeds(file.id, { needs }),
    onSuccess: () => {
      void message.success(t('specialFamilies.detail.needsSaved'));
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Flex gap={8} wrap align="center" data-testid="sf-needs-editor">
      <Select
        mode="multiple"
        style={{ minWidth: 320 }}
        value={needs}
        onChange={setNeeds}
        placeholder={t('specialFamilies.detail.editNeeds')}
        options={SPECIAL_FAMILY_NEEDS.map((n) => ({ value: n, label: t(`specialFamilyNeeds.${n}`) }))}
      />
      <Button onClick={() => save.mutate()} loading={save.isPending}>
        {t('specialFamilies.detail.saveNeeds')}
      </Button>
    </Flex>
  );
}
